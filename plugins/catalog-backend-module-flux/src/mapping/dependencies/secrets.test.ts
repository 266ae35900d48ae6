import { namedRefs } from './secrets';

describe('namedRefs', () => {
  it('finds Secret and ConfigMap names in pod specs and chart values, never values', () => {
    const values = {
      controllers: {
        app: {
          containers: {
            app: {
              env: {
                DB_PASSWORD: {
                  valueFrom: { secretKeyRef: { name: 'db', key: 'password' } },
                },
                PLAIN: 'not-a-ref',
              },
              envFrom: [
                { secretRef: { name: 'app-secret' } },
                { configMapRef: { name: 'app-config' } },
              ],
            },
          },
        },
      },
      externalDatabase: { host: 'mariadb.database', existingSecret: 'blog-db' },
      persistence: {
        certs: { type: 'secret', secret: { secretName: 'tls' } },
      },
    };
    expect(
      namedRefs(values).map(r => `${r.kind}/${r.name} @ ${r.field}`),
    ).toEqual([
      'Secret/db @ controllers.app.containers.app.env.DB_PASSWORD.valueFrom.secretKeyRef',
      'Secret/app-secret @ controllers.app.containers.app.envFrom[0].secretRef',
      'ConfigMap/app-config @ controllers.app.containers.app.envFrom[1].configMapRef',
      'Secret/blog-db @ externalDatabase.existingSecret',
      'Secret/tls @ persistence.certs.secret',
    ]);
  });
});
