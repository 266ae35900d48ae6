import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * Generates a monorepo shaped like the seed repository
 * (clusters/<c>/{infrastructure,apps,helm-repositories}.yaml,
 * infrastructure/<x>/..., apps/<svc>/{kustomization.yaml, base/, patches/})
 * with any number of apps, for the engine and catalog benchmarks.
 */

/** The one cluster folder of a generated monorepo: `clusters/contour`. */
export const GENERATED_CLUSTER = 'contour';
const CLUSTER = GENERATED_CLUSTER;
const INFRA = [
  'istio-base',
  'istiod',
  'istio-gateway',
  'cert-manager',
  'cluster-issuers',
  'kubernetes-dashboard',
  'local-path-provisioner',
  'vault',
  's3-proxy',
  'zitadel',
  'keycloak',
  'openldap',
  'postgresql',
  'redis',
  'minio',
  'kafka',
  'zookeeper',
  'rabbitmq',
  'camunda',
  'camunda-operate',
  'monitoring',
];

function write(root: string, path: string, text: string) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function fluxKs(name: string, path: string, dependsOn?: string): string {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    ...(dependsOn ? ['  dependsOn:', `    - name: ${dependsOn}`] : []),
    `  path: ./${path}`,
    '  prune: true',
    '  sourceRef:',
    '    kind: GitRepository',
    '    name: flux-system',
    '',
  ].join('\n');
}

function kustomization(resources: string[], patches: string[] = []): string {
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...resources.map(r => `  - ${r}`),
    ...(patches.length
      ? ['patches:', ...patches.map(p => `  - path: ${p}`)]
      : []),
    '',
  ].join('\n');
}

function namespace(name: string): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
}

/** Writes a seed-shaped monorepo with `apps` services under `root`; returns the app names. */
export function generateMonorepo(root: string, apps: number): string[] {
  const c = `clusters/${CLUSTER}`;
  write(
    root,
    `${c}/flux-system/gotk-sync.yaml`,
    [
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
      'metadata:',
      '  name: flux-system',
      '  namespace: flux-system',
      'spec:',
      '  interval: 1m',
      '  ref:',
      '    branch: master',
      '  url: ssh://git@example.com/platform/monorepo',
      '---',
      fluxKs('flux-system', c),
    ].join('\n'),
  );
  write(
    root,
    `${c}/flux-system/kustomization.yaml`,
    kustomization(['gotk-sync.yaml']),
  );
  write(
    root,
    `${c}/infrastructure.yaml`,
    fluxKs('infrastructure', 'infrastructure'),
  );
  write(root, `${c}/apps.yaml`, fluxKs('apps', 'apps', 'infrastructure'));
  write(
    root,
    `${c}/helm-repositories.yaml`,
    ['bitnami', 'jetstack', 'hashicorp']
      .map(r =>
        [
          'apiVersion: source.toolkit.fluxcd.io/v1',
          'kind: HelmRepository',
          'metadata:',
          `  name: ${r}`,
          '  namespace: flux-system',
          'spec:',
          '  interval: 1h',
          `  url: https://charts.example.com/${r}`,
          '',
        ].join('\n'),
      )
      .join('---\n'),
  );

  write(root, 'infrastructure/kustomization.yaml', kustomization(INFRA));
  for (const x of INFRA) {
    write(
      root,
      `infrastructure/${x}/kustomization.yaml`,
      kustomization(['./base'], ['patches/values.yaml']),
    );
    write(
      root,
      `infrastructure/${x}/base/kustomization.yaml`,
      kustomization(['namespace.yaml', 'helmrelease.yaml']),
    );
    write(root, `infrastructure/${x}/base/namespace.yaml`, namespace(x));
    const hr = (values: string) =>
      [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata:',
        `  name: ${x}`,
        `  namespace: ${x}`,
        'spec:',
        ...(values
          ? []
          : [
              '  interval: 30m',
              '  chart:',
              '    spec:',
              `      chart: ${x}`,
              '      version: "1.x"',
              '      sourceRef:',
              '        kind: HelmRepository',
              '        name: bitnami',
              '        namespace: flux-system',
            ]),
        '  values:',
        values || '    replicaCount: 1',
        '',
      ].join('\n');
    write(root, `infrastructure/${x}/base/helmrelease.yaml`, hr(''));
    write(
      root,
      `infrastructure/${x}/patches/values.yaml`,
      hr(
        '    replicaCount: 2\n    persistence:\n      storageClass: local-path',
      ),
    );
  }

  const names: string[] = [];
  for (let i = 0; i < apps; i++)
    names.push(`svc-${String(i).padStart(5, '0')}`);
  write(root, 'apps/kustomization.yaml', kustomization(names));
  for (const svc of names) {
    write(
      root,
      `apps/${svc}/kustomization.yaml`,
      kustomization(['./base'], ['patches/replicas.yaml']),
    );
    write(
      root,
      `apps/${svc}/base/kustomization.yaml`,
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        `namespace: ${svc}`,
        'labels:',
        '  - pairs:',
        `      app.kubernetes.io/part-of: ${svc}`,
        'resources:',
        '  - namespace.yaml',
        '  - deployment.yaml',
        '  - service.yaml',
        '',
      ].join('\n'),
    );
    write(root, `apps/${svc}/base/namespace.yaml`, namespace(svc));
    write(
      root,
      `apps/${svc}/base/deployment.yaml`,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        `      app: ${svc}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: ${svc}`,
        '    spec:',
        '      containers:',
        `        - name: ${svc}`,
        `          image: cr.yandex/platform/${svc}:1.0.0`,
        '          ports:',
        '            - containerPort: 8080',
        '          env:',
        '            - name: DATABASE_URL',
        `              value: postgres://postgresql.postgresql:5432/${svc}`,
        '          resources:',
        '            requests:',
        '              cpu: 50m',
        '              memory: 64Mi',
        '',
      ].join('\n'),
    );
    write(
      root,
      `apps/${svc}/base/service.yaml`,
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  selector:',
        `    app: ${svc}`,
        '  ports:',
        '    - port: 80',
        '      targetPort: 8080',
        '',
      ].join('\n'),
    );
    write(
      root,
      `apps/${svc}/patches/replicas.yaml`,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  replicas: 2',
        '',
      ].join('\n'),
    );
  }
  return names;
}
