/** Inputs the tests and the benchmark use, without `repoUrl`. */

/** flux:monorepo:add-app: a new service using PostgreSQL. */
export const INVOICES_SERVICE = {
  name: 'invoices',
  owner: 'group:default/team-documents',
  description: 'Invoices of construction contracts',
  image: 'cr.example/invoices:1.0.0',
  dependsOn: ['resource:default/postgresql'],
};

/** The files adding INVOICES_SERVICE writes, sorted. */
export const INVOICES_FILES = [
  'apps/invoices/base/deployment.yaml',
  'apps/invoices/base/kustomization.yaml',
  'apps/invoices/base/namespace.yaml',
  'apps/invoices/base/service.yaml',
  'apps/invoices/kustomization.yaml',
  'apps/invoices/patches/replicas.yaml',
  'apps/kustomization.yaml',
];

/** flux:monorepo:add-infra: Loki from a chart repository the example lacks. */
export const LOKI_COMPONENT = {
  name: 'loki',
  owner: 'group:default/platform-team',
  description: 'Log storage',
  chart: 'loki',
  version: '6.6.2',
  repositoryName: 'grafana',
  repositoryUrl: 'https://grafana.github.io/helm-charts',
};

/** flux:monorepo:add-cluster. */
export const STAGING_CLUSTER = {
  name: 'staging',
  gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
  branch: 'main',
};
