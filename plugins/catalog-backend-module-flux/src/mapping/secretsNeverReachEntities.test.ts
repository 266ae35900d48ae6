/*
 * Secrets never reach entities: a monorepo full of credentials in every place
 * the mapping looks at (Secret data and stringData, container env, ConfigMap
 * data, HelmRelease values and valuesFrom) ingests without any of those
 * values appearing anywhere in the entity JSON, while the in-cluster DNS names
 * next to them still become relations.
 */
import { createMemoryTree } from '@flux-portal/kustomize';
import { ingestMonorepo } from './ingestMonorepo';
import {
  clusterEntry,
  kustomization,
  namespace,
  service,
} from '@flux-portal/test-utils';

/** Every credential planted in the repository below; none may reach an entity. */
const SECRETS = {
  secretData: 'ZGItYWRtaW4tcGFzc3dvcmQ=', // base64 of db-admin-password
  secretDataDecoded: 'db-admin-password',
  stringData: 'stringdata-hunter2',
  envPassword: 'env-pa55word-value',
  envToken: 'ghp_envTokenValue0123456789',
  dsnUser: 'billing_user',
  dsnPassword: 'dsnS3cretPass',
  configMapApiKey: 'cm-apikey-9f8e7d6c',
  configMapDsnPassword: 'cmDsnPass42',
  helmPassword: 'helm-root-password-value',
  helmToken: 'helm-token-abcdef123456',
  privateKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  valuesFromSecret: 'values-from-secret-password',
  jwtSecret: 'jwt-signing-secret-value',
};

const helmRelease = (
  name: string,
  chart: string,
  values: string,
  valuesFrom = '',
) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${name}
spec:
  interval: 30m
  chart:
    spec:
      chart: ${chart}
      version: 1.0.0
      sourceRef:
        kind: HelmRepository
        name: charts
        namespace: flux-system
${valuesFrom}  values:
${values}`;

const files: Record<string, string> = {
  ...clusterEntry('dev', true),
  'clusters/dev/helm-repositories.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: charts
  namespace: flux-system
spec:
  url: https://charts.example.com
`,
  'infrastructure/kustomization.yaml': kustomization('postgresql', 'redis'),
  'infrastructure/postgresql/kustomization.yaml': kustomization(
    'namespace.yaml',
    'secret.yaml',
    'helmrelease.yaml',
  ),
  'infrastructure/postgresql/namespace.yaml': namespace('postgresql'),
  'infrastructure/postgresql/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: postgresql-values
  namespace: postgresql
stringData:
  values.yaml: |
    auth:
      postgresPassword: ${SECRETS.valuesFromSecret}
`,
  'infrastructure/postgresql/helmrelease.yaml': helmRelease(
    'postgresql',
    'postgresql',
    `    auth:
      password: ${SECRETS.helmPassword}
      token: ${SECRETS.helmToken}
    tls:
      privateKey: |
        -----BEGIN PRIVATE KEY-----
        ${SECRETS.privateKeyBody}
        -----END PRIVATE KEY-----
`,
    `  valuesFrom:
    - kind: Secret
      name: postgresql-values
      valuesKey: values.yaml
`,
  ),
  'infrastructure/redis/kustomization.yaml': kustomization(
    'namespace.yaml',
    'helmrelease.yaml',
    'service.yaml',
  ),
  'infrastructure/redis/namespace.yaml': namespace('redis'),
  // the Service the redis chart would create, so the bare DNS name resolves
  'infrastructure/redis/service.yaml': service('redis-master', 'redis'),
  'infrastructure/redis/helmrelease.yaml': helmRelease(
    'redis',
    'redis',
    `    auth:\n      password: ${SECRETS.helmPassword}\n`,
  ),
  'apps/kustomization.yaml': kustomization('billing', 'ledger'),
  'apps/billing/kustomization.yaml': kustomization(
    'namespace.yaml',
    'secret.yaml',
    'configmap.yaml',
    'deployment.yaml',
    'service.yaml',
  ),
  'apps/billing/namespace.yaml': namespace('billing'),
  'apps/billing/service.yaml': service('billing', 'billing'),
  'apps/billing/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: billing-credentials
  namespace: billing
type: Opaque
data:
  DB_ADMIN_PASSWORD: ${SECRETS.secretData}
stringData:
  JWT_SECRET: ${SECRETS.jwtSecret}
  API_PASSWORD: ${SECRETS.stringData}
  DATABASE_URL: postgres://admin:${SECRETS.stringData}@postgresql.postgresql:5432/billing
`,
  'apps/billing/configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: billing-config
  namespace: billing
data:
  apiKey: ${SECRETS.configMapApiKey}
  LEDGER_DSN: postgresql://ledger:${SECRETS.configMapDsnPassword}@ledger.ledger.svc.cluster.local:80/ledger
`,
  'apps/billing/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
  namespace: billing
spec:
  selector:
    matchLabels: { app: billing }
  template:
    metadata:
      labels: { app: billing }
    spec:
      containers:
        - name: billing
          image: example/billing:1.0.0
          envFrom:
            - secretRef:
                name: billing-credentials
          env:
            - name: DATABASE_URL
              value: postgres://${SECRETS.dsnUser}:${SECRETS.dsnPassword}@postgresql.postgresql:5432/billing
            - name: DB_PASSWORD
              value: ${SECRETS.envPassword}
            - name: GITHUB_TOKEN
              value: ${SECRETS.envToken}
            - name: REDIS_HOST
              value: redis-master.redis.svc
            - name: JWT_SECRET
              valueFrom:
                secretKeyRef:
                  name: billing-credentials
                  key: JWT_SECRET
`,
  'apps/ledger/kustomization.yaml': kustomization(
    'namespace.yaml',
    'service.yaml',
  ),
  'apps/ledger/namespace.yaml': namespace('ledger'),
  'apps/ledger/service.yaml': service('ledger', 'ledger'),
};

describe('secrets never reach entities', () => {
  it('copies no credential from Secrets, env, ConfigMaps or Helm values, yet keeps the DNS relations', async () => {
    const { entities } = await ingestMonorepo(createMemoryTree(files));
    const json = JSON.stringify(entities);

    const leaked = Object.entries(SECRETS).filter(([, value]) =>
      json.includes(value),
    );
    expect(leaked).toEqual([]);
    expect(json).not.toContain('BEGIN PRIVATE KEY');

    // the connections beside the credentials are still relations
    const billing = entities.find(
      e => e.kind === 'Component' && e.metadata.name === 'billing',
    );
    expect(billing?.spec.dependsOn).toEqual(
      expect.arrayContaining([
        'resource:default/postgresql',
        'resource:default/redis',
        'component:default/ledger',
      ]),
    );
  });
});
