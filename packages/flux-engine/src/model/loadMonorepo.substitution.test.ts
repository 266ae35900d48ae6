/**
 * A home-lab style repository: per-app ks.yaml with components and
 * post-build substitution from inline values, a ConfigMap and a Secret.
 */
import { byName, loadFixture } from './__testUtils__/loadFixture';
import type { MonorepoModel } from './types';

// plain and base64 forms of the values in kubernetes/flux/vars/cluster-secrets.yaml
const SECRET_TEXTS = [
  'hunter2-private.example.org',
  's3cr3t-pw-4242',
  'czNjcjN0LXB3LTQyNDI=',
];

let model: MonorepoModel;
beforeAll(async () => {
  model = await loadFixture('home-lab', 'kubernetes/flux/cluster');
});

describe('post-build substitution', () => {
  it('follows ks.yaml files found in the apps folder', () => {
    expect(model.kustomizations.map(k => k.name).sort()).toEqual([
      'cloudnative-pg',
      'cluster-apps',
      'cluster-meta',
      'cluster-vars',
      'echo-server',
    ]);
    expect(byName(model.kustomizations, 'echo-server')).toMatchObject({
      path: 'kubernetes/apps/default/echo-server/app',
      targetNamespace: 'default',
      appliedBy: 'flux-system/cluster-apps',
      dependsOn: [{ namespace: 'flux-system', name: 'cloudnative-pg' }],
      definedAt: {
        file: 'kubernetes/apps/default/echo-server/ks.yaml',
        line: 2,
      },
    });
  });

  it('merges inline variables with those from the ConfigMap and Secret patched in by the parent', () => {
    expect(byName(model.kustomizations, 'echo-server').substitutions).toEqual({
      variables: [
        'APP',
        'CLUSTER_CIDR',
        'DB_PASSWORD',
        'GATUS_SUBDOMAIN',
        'SECRET_DOMAIN',
        'TIMEZONE',
      ],
      fromSecrets: ['DB_PASSWORD', 'SECRET_DOMAIN'],
    });
  });

  it('substitutes values, defaults and escapes like Flux', () => {
    const hr = byName(model.helmReleases, 'echo-server');
    expect(hr.namespace).toBe('default');
    const app = (hr.values as any).controllers['echo-server'];
    expect(app.containers.app.env.TZ).toBe('Europe/Moscow');
    expect(app.containers.app.env.STARTUP_SCRIPT).toBe('echo ${HOME}');
    expect(app.containers.app.probes.liveness.path).toBe('/healthz');
    // valuesFrom ConfigMap merged under inline values; the Secret is withheld
    expect(app.replicas).toBe(2);
    expect(hr.valuesFrom.map(v => v.status)).toEqual([
      'merged',
      'secret-withheld',
    ]);
    // a variable from a Secret becomes a placeholder naming it
    expect((hr.values as any).ingress.app.hosts[0].host).toBe(
      'echo-server.<secret:cluster-secrets/SECRET_DOMAIN>',
    );
    // the substituted name of the other app's HelmRelease
    const pg = byName(model.helmReleases, 'cloudnative-pg');
    expect(pg.namespace).toBe('database');
    expect((pg.values as any).config.data.TZ).toBe('Europe/Moscow');
  });

  it('renders components with the substitution applied', () => {
    const gatus = model.objects.find(
      o => o.object.metadata?.name === 'echo-server-gatus-ep',
    );
    expect(gatus?.provenance).toMatchObject({
      kustomization: 'flux-system/echo-server',
      file: 'kubernetes/components/gatus/config.yaml',
    });
    expect(gatus?.object.metadata?.labels).toMatchObject({
      'app.kubernetes.io/name': 'echo-server',
    });
    expect((gatus?.object as any).data['config.yaml']).toContain(
      'url: "https://echo.<secret:cluster-secrets/SECRET_DOMAIN>/"',
    );
  });

  it('never lets a secret value into the model', () => {
    const text = JSON.stringify(model);
    for (const secret of SECRET_TEXTS) expect(text).not.toContain(secret);
    const secret = model.objects.find(o => o.object.kind === 'Secret');
    expect(secret?.object).toMatchObject({
      stringData: { SECRET_DOMAIN: '<redacted>' },
      data: { DB_PASSWORD: '<redacted>' },
    });
  });

  it('is clean', () => {
    expect(model.problems).toEqual([]);
  });
});
