import { parse } from 'yaml';
import { INVOICES_FILES } from '../__testUtils__/actionInputs';
import { renderAppFiles } from './renderAppFiles';
import { AppSpec } from './types';

const spec: AppSpec = {
  name: 'invoices',
  partOf: 'business-services',
  component: 'backend',
  owner: 'group:default/team-billing',
  description: 'Invoices: issuing and payment tracking',
  image: 'registry.example.com/invoices:1.0.0',
  port: 8080,
  replicas: 1,
  patchedReplicas: 3,
  istioInjection: true,
  connections: {
    postgres: { database: 'invoices' },
    redis: { db: 4 },
    s3: { bucket: 'invoices' },
    vault: {
      authMethod: 'approle',
      role: 'invoices',
      kvPath: 'kv/data/invoices',
    },
    oidc: { provider: 'zitadel', clientId: 'invoices' },
    kafka: { produce: ['invoices.issued'], consume: ['payments.*'] },
    rabbitmq: { publish: ['pdf.jobs'], consume: ['mail.jobs'] },
    rest: [
      { service: 'document-link' },
      { service: 'camunda', path: '/engine-rest' },
    ],
  },
};

function env(files: Record<string, string>) {
  const deployment = parse(files['apps/invoices/base/deployment.yaml']);
  return deployment.spec.template.spec.containers[0].env as Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef: { name: string; key: string } };
  }>;
}

describe('renderAppFiles', () => {
  const files = renderAppFiles(spec);

  it('writes the seed layout of an app folder', () => {
    // the action's files but the registration, which is not the folder's
    expect(Object.keys(files).sort()).toEqual(
      INVOICES_FILES.filter(f => f !== 'apps/kustomization.yaml'),
    );
    expect(parse(files['apps/invoices/kustomization.yaml'])).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['./base'],
      patches: [{ path: 'patches/replicas.yaml' }],
    });
    expect(parse(files['apps/invoices/patches/replicas.yaml']).spec).toEqual({
      replicas: 3,
    });
    expect(files['apps/invoices/base/kustomization.yaml']).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- namespace.yaml\n- deployment.yaml\n- service.yaml\n',
    );
  });

  it('turns every connection into the documented env vars', () => {
    const vars = Object.fromEntries(
      env(files).map(e => [e.name, e.value ?? e.valueFrom]),
    );
    expect(vars).toMatchObject({
      DATABASE_PASSWORD: {
        secretKeyRef: { name: 'invoices-postgresql', key: 'password' },
      },
      DATABASE_URL:
        'postgresql://invoices:$(DATABASE_PASSWORD)@postgresql-primary.postgresql.svc.cluster.local:5432/invoices?sslmode=disable',
      REDIS_URL:
        'redis://:$(REDIS_PASSWORD)@redis-master.redis.svc.cluster.local:6379/4',
      S3_ENDPOINT: 'http://s3-proxy.s3-proxy.svc.cluster.local',
      S3_BUCKET: 'invoices',
      VAULT_ADDR: 'http://vault.vault.svc.cluster.local:8200',
      VAULT_AUTH_METHOD: 'approle',
      VAULT_ROLE: 'invoices',
      VAULT_KV_PATH: 'kv/data/invoices',
      VAULT_SECRET_ID: {
        secretKeyRef: { name: 'invoices-vault-approle', key: 'secret-id' },
      },
      OIDC_ISSUER_URL: 'http://zitadel.zitadel.svc.cluster.local:8080',
      KAFKA_BOOTSTRAP_SERVERS: 'kafka.kafka.svc.cluster.local:9092',
      KAFKA_PRODUCE_TOPICS: 'invoices.issued',
      KAFKA_CONSUME_TOPICS: 'payments.*',
      AMQP_URL:
        'amqp://invoices:$(AMQP_PASSWORD)@rabbitmq.rabbitmq.svc.cluster.local:5672/',
      RABBITMQ_PUBLISH_QUEUES: 'pdf.jobs',
      RABBITMQ_CONSUME_QUEUES: 'mail.jobs',
      DOCUMENT_LINK_URL:
        'http://document-link.document-link.svc.cluster.local:8080',
      CAMUNDA_URL: 'http://camunda.camunda.svc.cluster.local:8080/engine-rest',
    });
    // $(VAR) expansion only sees variables defined earlier in the list.
    const names = env(files).map(e => e.name);
    expect(names.indexOf('DATABASE_PASSWORD')).toBeLessThan(
      names.indexOf('DATABASE_URL'),
    );
    expect(names.indexOf('AMQP_PASSWORD')).toBeLessThan(
      names.indexOf('AMQP_URL'),
    );
  });

  it('renders only the env vars of the connections a service has', () => {
    const names = env(
      renderAppFiles({ ...spec, connections: { rest: [{ service: 'pm' }] } }),
    ).map(e => e.name);
    expect(names).toEqual(['HTTP_PORT', 'LOG_LEVEL', 'PM_URL']);
    const kubernetesAuth = env(
      renderAppFiles({
        ...spec,
        connections: {
          vault: { authMethod: 'kubernetes', role: 'r', kvPath: 'kv/data/r' },
        },
      }),
    ).map(e => e.name);
    expect(kubernetesAuth).not.toContain('VAULT_ROLE_ID');
  });

  it('labels the namespace for Istio only when asked and carries owner and description', () => {
    expect(
      parse(files['apps/invoices/base/namespace.yaml']).metadata.labels,
    ).toEqual({
      'app.kubernetes.io/part-of': 'business-services',
      'istio-injection': 'enabled',
    });
    const plain = renderAppFiles({ ...spec, istioInjection: false });
    expect(
      parse(plain['apps/invoices/base/namespace.yaml']).metadata.labels,
    ).not.toHaveProperty('istio-injection');
    const deployment = parse(files['apps/invoices/base/deployment.yaml']);
    expect(deployment.metadata.annotations).toEqual({
      'flux-portal.io/owner': 'group:default/team-billing',
      'flux-portal.io/description': 'Invoices: issuing and payment tracking',
    });
    expect(deployment.metadata.labels['app.kubernetes.io/component']).toBe(
      'backend',
    );
  });

  it('is deterministic and rejects invalid specs', () => {
    expect(renderAppFiles(spec)).toEqual(files);
    expect(() => renderAppFiles({ ...spec, name: 'Invoices_API' })).toThrow(
      'App name "Invoices_API" must be a DNS-1123 label',
    );
    expect(() => renderAppFiles({ ...spec, port: 70000 })).toThrow(
      'port 70000 is not a TCP port',
    );
    expect(() => renderAppFiles({ ...spec, patchedReplicas: -1 })).toThrow(
      'patchedReplicas must be a whole number',
    );
  });
});

describe('renderAppFiles pod template', () => {
  it('mounts the service account token only for Vault Kubernetes auth', () => {
    const pod = (s: AppSpec) =>
      parse(renderAppFiles(s)[`apps/${s.name}/base/deployment.yaml`]).spec
        .template.spec;
    expect(pod(spec).automountServiceAccountToken).toBe(false);
    expect(
      pod({
        ...spec,
        connections: {
          vault: { authMethod: 'kubernetes', role: 'r', kvPath: 'kv/data/r' },
        },
      }).automountServiceAccountToken,
    ).toBe(true);
  });
});
