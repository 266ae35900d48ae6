/*
 * Specs of the 34 business services of examples/flux-monorepo, derived from
 * the arrows of the seed map (docs/seed-README.ru.md there), and the writer
 * that renders them, the `apps/` registration and the contour cluster entry
 * point with the scaffold generators. The committed files must equal what
 * this produces; src/scaffold/exampleMonorepo.test.ts checks that.
 *
 * Run from the repository root:
 *   node -r @backstage/cli/config/nodeTransform.cjs \
 *     plugins/scaffolder-backend-module-flux/scripts/generate-example-apps.ts [target-dir]
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AppConnections,
  AppResources,
  AppSpec,
  ClusterSpec,
  addToKustomizationResources,
  renderAppFiles,
  renderClusterFiles,
} from '../src/scaffold';

const REGISTRY = 'cr.yandex/crpplatform0contour';

const HEAVY: AppResources = {
  requests: { cpu: '250m', memory: '512Mi' },
  limits: { cpu: '1', memory: '1Gi' },
};
const COMPUTE: AppResources = {
  requests: { cpu: '500m', memory: '1Gi' },
  limits: { cpu: '2', memory: '2Gi' },
};

interface Entry {
  name: string;
  version: string;
  team: string;
  component?: string;
  description: string;
  replicas?: number;
  istio?: boolean;
  resources?: AppResources;
  connections: AppConnections;
}

const pg = (database: string) => ({ database });
const rest = (...services: string[]) => services.map(service => ({ service }));

const ENTRIES: Entry[] = [
  {
    name: 'control-interface',
    version: '3.18.2',
    team: 'frontend',
    component: 'frontend',
    description: 'Web UI and API gateway in front of the core services',
    replicas: 3,
    istio: true,
    connections: {
      redis: { db: 0 },
      oidc: { provider: 'keycloak', clientId: 'control-interface' },
      rest: rest('django', 'pm', 'projects', 'workspaces'),
    },
  },
  {
    name: 'django',
    version: '5.4.0',
    team: 'core',
    description: 'Core REST API (/api): users, organisations, permissions',
    replicas: 3,
    istio: true,
    resources: HEAVY,
    connections: {
      postgres: pg('django'),
      redis: { db: 1 },
      vault: {
        authMethod: 'kubernetes',
        role: 'django',
        kvPath: 'kv/data/django',
      },
      oidc: { provider: 'keycloak', clientId: 'django' },
    },
  },
  {
    name: 'eav',
    version: '1.9.3',
    team: 'core',
    description:
      'Entity-attribute-value store for custom fields, schemas from django',
    connections: { postgres: pg('eav'), rest: rest('django') },
  },
  {
    name: 'workspaces',
    version: '2.3.1',
    team: 'core',
    description: 'Workspaces and membership of users in them',
    connections: { postgres: pg('workspaces'), redis: { db: 2 } },
  },
  {
    name: 'projects',
    version: '2.11.0',
    team: 'core',
    description: 'Construction projects, their phases and participants',
    connections: { postgres: pg('projects'), rest: rest('workspaces') },
  },
  {
    name: 'pm',
    version: '4.2.5',
    team: 'pm',
    description: 'Project management (/pm): schedules, tasks and milestones',
    connections: {
      postgres: pg('pm'),
      redis: { db: 3 },
      oidc: { provider: 'keycloak', clientId: 'pm' },
      rest: rest('projects', 'contracts', 'resources'),
    },
  },
  {
    name: 'contracts',
    version: '1.7.2',
    team: 'pm',
    description: 'Contracts, their parties and budgets',
    connections: { postgres: pg('contracts'), rest: rest('resources') },
  },
  {
    name: 'resources',
    version: '1.5.0',
    team: 'pm',
    description: 'Labour, machinery and material resources',
    connections: { postgres: pg('resources') },
  },
  {
    name: 'subscriptions',
    version: '2.0.4',
    team: 'notifications',
    description: 'User subscriptions and realtime notification fan-out',
    connections: {
      postgres: pg('subscriptions'),
      redis: { db: 4 },
      kafka: { consume: ['notify.*'] },
    },
  },
  {
    name: 'system-log',
    version: '1.3.7',
    team: 'notifications',
    description: 'Audit log of user and system actions',
    connections: {
      postgres: pg('system_log'),
      kafka: { consume: ['audit.*'] },
    },
  },
  {
    name: 'message-hub',
    version: '2.6.1',
    team: 'notifications',
    description: 'Email and push delivery of notifications',
    connections: {
      redis: { db: 5 },
      kafka: { produce: ['notify.email', 'notify.push'] },
      rest: rest('subscriptions'),
    },
  },
  {
    name: 'faas',
    version: '0.14.0',
    team: 'automation',
    component: 'worker',
    description: 'Function runtime executing automation tasks from the queue',
    resources: HEAVY,
    connections: {
      redis: { db: 6 },
      vault: { authMethod: 'approle', role: 'faas', kvPath: 'kv/data/faas' },
      rabbitmq: { consume: ['tasks.*'] },
    },
  },
  {
    name: 'flows',
    version: '1.12.3',
    team: 'automation',
    description:
      'Automation flows: triggers functions and starts BPM processes',
    istio: true,
    connections: {
      redis: { db: 7 },
      vault: { authMethod: 'approle', role: 'flows', kvPath: 'kv/data/flows' },
      kafka: { produce: ['flows.events'], consume: ['flows.commands'] },
      rabbitmq: { publish: ['tasks.invoke', 'tasks.schedule'] },
      rest: [{ service: 'faas' }, { service: 'camunda', path: '/engine-rest' }],
    },
  },
  {
    name: 'documentations',
    version: '3.4.0',
    team: 'documents',
    description: 'Project documentation (/docs) with file streaming',
    connections: {
      postgres: pg('documentations'),
      s3: { bucket: 'documentations' },
      oidc: { provider: 'keycloak', clientId: 'documentations' },
    },
  },
  {
    name: 'document-link',
    version: '1.2.9',
    team: 'documents',
    description: 'Cross-references between documents and CDE containers',
    connections: {
      postgres: pg('document_link'),
      rest: rest('documentations', 'cde'),
    },
  },
  {
    name: 'attachments',
    version: '1.8.1',
    team: 'documents',
    description: 'File attachments of any entity',
    connections: { s3: { bucket: 'attachments' } },
  },
  {
    name: 'transmittal',
    version: '1.4.6',
    team: 'documents',
    description: 'Transmittals: outgoing document bundles to counterparties',
    connections: {
      postgres: pg('transmittal'),
      s3: { bucket: 'transmittals' },
      rest: rest('cde', 'documentations'),
    },
  },
  {
    name: 'cde',
    version: '2.9.0',
    team: 'documents',
    description:
      'Common data environment (/cde): containers, revisions, statuses',
    replicas: 2,
    connections: {
      postgres: pg('cde'),
      s3: { bucket: 'cde' },
      oidc: { provider: 'keycloak', clientId: 'cde' },
      rest: rest('documentations', 'drawings', 'bim'),
    },
  },
  {
    name: 'drawings',
    version: '2.5.3',
    team: 'design',
    description: 'Drawings (DWG/PDF) and their sheets',
    connections: {
      postgres: pg('drawings'),
      s3: { bucket: 'drawings' },
      kafka: { produce: ['drawings.uploaded'] },
      rest: rest('comparisons', 'stamp-verification'),
    },
  },
  {
    name: 'bim',
    version: '3.1.0',
    team: 'design',
    description: 'BIM models (/bim): IFC/RVT upload, processing and viewing',
    replicas: 3,
    istio: true,
    resources: HEAVY,
    connections: {
      postgres: pg('bim'),
      s3: { bucket: 'bim-models' },
      oidc: { provider: 'keycloak', clientId: 'bim' },
      kafka: { produce: ['bim.processed'] },
      rest: rest('processing'),
    },
  },
  {
    name: 'stamp-verification',
    version: '1.1.4',
    team: 'design',
    component: 'worker',
    description: 'Electronic stamps and signatures of PDF documents',
    connections: {
      postgres: pg('stamp_verification'),
      s3: { bucket: 'signed-documents' },
      rabbitmq: { consume: ['sign.jobs'] },
    },
  },
  {
    name: 'inspections',
    version: '2.2.0',
    team: 'quality',
    description: 'Site inspections by checklists',
    connections: {
      postgres: pg('inspections'),
      kafka: { produce: ['inspect.events'] },
      rest: rest('checklists', 'issues'),
    },
  },
  {
    name: 'checklists',
    version: '1.6.2',
    team: 'quality',
    description: 'Checklist templates and their versions',
    connections: { postgres: pg('checklists') },
  },
  {
    name: 'remarks',
    version: '1.9.0',
    team: 'quality',
    description: 'Remarks on documents and models',
    connections: {
      postgres: pg('remarks'),
      kafka: { produce: ['remarks.events'] },
    },
  },
  {
    name: 'issues',
    version: '2.4.1',
    team: 'quality',
    description: 'Issues found on site and their resolution',
    connections: {
      postgres: pg('issues'),
      kafka: { consume: ['inspect.events'] },
      rest: rest('remarks'),
    },
  },
  {
    name: 'rfi',
    version: '1.3.3',
    team: 'quality',
    description: 'Requests for information between project parties',
    connections: { postgres: pg('rfi'), rest: rest('document-link') },
  },
  {
    name: 'reviews',
    version: '1.7.5',
    team: 'quality',
    description: 'Design reviews with remarks, RFIs and prescriptions',
    connections: {
      postgres: pg('reviews'),
      kafka: { consume: ['remarks.events'] },
      rest: rest('rfi', 'prescriptions'),
    },
  },
  {
    name: 'prescriptions',
    version: '1.2.0',
    team: 'quality',
    description: 'Prescriptions of supervision authorities',
    connections: { postgres: pg('prescriptions') },
  },
  {
    name: 'comparisons',
    version: '1.5.8',
    team: 'design',
    component: 'worker',
    description: 'Visual diff of drawing revisions',
    resources: HEAVY,
    connections: {
      postgres: pg('comparisons'),
      s3: { bucket: 'comparisons' },
      kafka: { consume: ['drawings.uploaded'] },
    },
  },
  {
    name: 'measurements',
    version: '1.4.2',
    team: 'gis',
    description: 'Measurements on maps and models, with snapshots',
    connections: {
      postgres: pg('measurements'),
      s3: { bucket: 'measurements' },
      rest: rest('mapper'),
    },
  },
  {
    name: 'mapper',
    version: '2.0.7',
    team: 'gis',
    description: 'Map tiles of site plans and orthophotos',
    connections: {
      postgres: pg('mapper'),
      s3: { bucket: 'tiles' },
      rabbitmq: { consume: ['tile.jobs'] },
      rest: rest('cross-section'),
    },
  },
  {
    name: 'cross-section',
    version: '1.1.9',
    team: 'gis',
    description: 'Terrain and model cross-section profiles',
    connections: {
      postgres: pg('cross_section'),
      s3: { bucket: 'cross-sections' },
      rabbitmq: { consume: ['xs.jobs'] },
      rest: rest('processing'),
    },
  },
  {
    name: 'processing',
    version: '2.3.0',
    team: 'gis',
    component: 'worker',
    description:
      'Heavy processing of raw uploads (point clouds, rasters, models)',
    resources: COMPUTE,
    connections: {
      s3: { bucket: 'processing' },
      kafka: { consume: ['processing.jobs'] },
      rabbitmq: { publish: ['tile.jobs', 'xs.jobs'] },
    },
  },
  {
    name: 'notes',
    version: '1.0.6',
    team: 'documents',
    description: 'Personal and shared notes linked to documents',
    connections: { postgres: pg('notes'), rest: rest('document-link') },
  },
];

/** The 34 business services of the example monorepo. */
export const EXAMPLE_APPS: AppSpec[] = ENTRIES.map(entry => ({
  name: entry.name,
  partOf: 'business-services',
  component: entry.component ?? 'backend',
  owner: `group:default/team-${entry.team}`,
  description: entry.description,
  image: `${REGISTRY}/${entry.name}:${entry.version}`,
  port: 8080,
  replicas: 1,
  patchedReplicas: entry.replicas ?? 2,
  istioInjection: entry.istio,
  resources: entry.resources,
  connections: entry.connections,
}));

/** The `contour` cluster entry point and the chart repositories it needs. */
export const EXAMPLE_CLUSTER: ClusterSpec = {
  name: 'contour',
  gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
  branch: 'master',
  helmRepositories: [
    {
      name: 'istio',
      url: 'https://istio-release.storage.googleapis.com/charts',
    },
    { name: 'jetstack', url: 'https://charts.jetstack.io' },
    {
      name: 'kubernetes-dashboard',
      url: 'https://kubernetes.github.io/dashboard/',
    },
    { name: 'oauth2-proxy', url: 'https://oauth2-proxy.github.io/manifests' },
    { name: 'containeroo', url: 'https://charts.containeroo.ch' },
    { name: 'hashicorp', url: 'https://helm.releases.hashicorp.com' },
    {
      name: 'radar-base',
      url: 'https://radar-base.github.io/radar-helm-charts',
    },
    { name: 'zitadel', url: 'https://charts.zitadel.com' },
    { name: 'helm-openldap', url: 'https://jp-gouin.github.io/helm-openldap/' },
    { name: 'camunda', url: 'https://helm.camunda.io' },
    {
      name: 'cr-yandex',
      type: 'oci',
      url: `oci://${REGISTRY}/charts`,
      comment:
        "The team's Yandex Container Registry: a mirror of\noci://registry-1.docker.io/bitnamicharts (same chart names and versions).",
    },
  ],
};

const APPS_KUSTOMIZATION_HEADER = `# Business services applied by clusters/<cluster>/apps.yaml.
# One folder per service; add new services at the end.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
`;

/** Every generated file of the example, keyed by path from its root. */
export function renderExampleFiles(): Record<string, string> {
  const files: Record<string, string> = renderClusterFiles(EXAMPLE_CLUSTER);
  let appsKustomization = APPS_KUSTOMIZATION_HEADER;
  for (const app of EXAMPLE_APPS) {
    Object.assign(files, renderAppFiles(app));
    appsKustomization = addToKustomizationResources(
      appsKustomization,
      app.name,
      'apps/kustomization.yaml',
    );
  }
  files['apps/kustomization.yaml'] = appsKustomization;
  return files;
}

function main(): void {
  const target = path.resolve(
    process.argv[2] ?? path.join(__dirname, '../../../examples/flux-monorepo'),
  );
  const files = renderExampleFiles();
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(target, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  process.stdout.write(
    `Wrote ${Object.keys(files).length} files under ${target}\n`,
  );
}

if (require.main === module) {
  main();
}
