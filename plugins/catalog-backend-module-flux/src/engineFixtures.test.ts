/*
 * The engine's public-repo-shaped fixtures (packages/flux-engine/fixtures)
 * through the provider: each ingests without a problem, every entity passes
 * the catalog's own validation, every relation it names points at an entity
 * of the same ingestion, and the kinds and names follow from the fixture's
 * own folders (its apps, its infrastructure folders, its clusters).
 */
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import {
  infrastructureChart,
  isInfrastructureNamespace,
} from './mapping/rules/infrastructure';

const FIXTURES = resolve(__dirname, '../../../packages/flux-engine/fixtures');

const dirs = (fixture: string, folder: string) =>
  readdirSync(join(FIXTURES, fixture, folder), { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => d.name)
    .sort();

/**
 * Whether a folder's manifests declare something a catalog entity stands for:
 * any kind but kustomize's own files, Flux's sources and Kustomizations, and
 * plain configuration (Namespaces, ConfigMaps, Secrets). A scan of the YAML
 * text, independent of the engine.
 */
function declaresComponentKinds(folder: string): boolean {
  const files = readdirSync(folder, {
    recursive: true,
    withFileTypes: true,
  }).filter(f => f.isFile() && /\.ya?ml$/.test(f.name));
  return files.some(f =>
    readFileSync(join(f.parentPath, f.name), 'utf8')
      .split(/^---/m)
      .some(doc => {
        const apiVersion = /^apiVersion:\s*(\S+)/m.exec(doc)?.[1] ?? '';
        const kind = /^kind:\s*(\w+)/m.exec(doc)?.[1] ?? '';
        if (!kind || apiVersion.startsWith('kustomize.config.k8s.io/'))
          return false;
        if (apiVersion.includes('toolkit.fluxcd.io/'))
          return kind === 'HelmRelease';
        return !['Namespace', 'ConfigMap', 'Secret'].includes(kind);
      }),
  );
}

/**
 * Whether a folder (or a file) installs a well-known infrastructure chart (the table of
 * rules/infrastructure.ts): chart names read from the YAML text, `chart:`
 * fields and an OCI artifact's last URL segment.
 */
function installsInfrastructureChart(folder: string): boolean {
  const texts = statSync(folder).isFile()
    ? [readFileSync(folder, 'utf8')]
    : readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(f => f.isFile() && /\.ya?ml$/.test(f.name))
        .map(f => readFileSync(join(f.parentPath, f.name), 'utf8'));
  return texts.some(text =>
    [
      ...text.matchAll(/^\s*chart:\s*([\w.-]+)\s*$/gm),
      ...text.matchAll(/^\s*url:\s*oci:\/\/\S+\/([\w.-]+)\s*$/gm),
    ].some(m => infrastructureChart(m[1]) !== undefined),
  );
}

const componentDirs = (fixture: string, folder: string) =>
  existsSync(join(FIXTURES, fixture, folder))
    ? dirs(fixture, folder).filter(d =>
        declaresComponentKinds(join(FIXTURES, fixture, folder, d)),
      )
    : [];

/** What each fixture's own layout says the catalog should get. */
interface Expectation {
  /** entry folder (the provider's `path`) */
  path?: string;
  clusters: number;
  components: string[];
  /** infrastructure Resources besides the clusters */
  infrastructure: number;
}

/** The app folders of a `kubernetes/apps/<namespace>/<app>/` layout. */
/** The YAML files directly in a folder that declare a HelmRelease (flat files, one app each). */
const helmReleaseFiles = (fixture: string, folder: string) =>
  readdirSync(join(FIXTURES, fixture, folder), { withFileTypes: true })
    .filter(
      f =>
        f.isFile() &&
        /\.ya?ml$/.test(f.name) &&
        /^kind:\s*HelmRelease\s*$/m.test(
          readFileSync(join(FIXTURES, fixture, folder, f.name), 'utf8'),
        ),
    )
    .map(f => f.name);

/** The apps of a `kubernetes/apps/<namespace>/` layout: sub-folders, and flat HelmRelease files. */
const namespacedApps = (fixture: string) =>
  dirs(fixture, 'kubernetes/apps').flatMap(ns => [
    ...dirs(fixture, `kubernetes/apps/${ns}`).map(app => ({
      name: app,
      folder: `kubernetes/apps/${ns}/${app}`,
    })),
    ...helmReleaseFiles(fixture, `kubernetes/apps/${ns}`).map(file => ({
      name: file.replace(/\.ya?ml$/, ''),
      folder: `kubernetes/apps/${ns}/${file}`,
    })),
  ]);

/** Entities of folders: one each, or one per HelmRelease file when a folder holds several. */
const entitiesOfFolders = (fixture: string, folders: string[]) =>
  folders.reduce(
    (n, folder) => n + Math.max(1, helmReleaseFiles(fixture, folder).length),
    0,
  );

/** Apps split into Components and infrastructure by the charts their folders install. */
function byChart(
  apps: Array<{ name: string; folder: string }>,
  fixture: string,
): Pick<Expectation, 'components' | 'infrastructure'> {
  const infra = (a: { folder: string }) =>
    installsInfrastructureChart(join(FIXTURES, fixture, a.folder));
  return {
    components: apps
      .filter(a => !infra(a))
      .map(a => a.name)
      .sort(),
    infrastructure: apps.filter(infra).length,
  };
}

// multi-tenant-dev-team is a tenant's repository, read as a Flux source of
// multi-tenant (the CLI's --source); on its own it has no cluster to ingest.
const EXPECTATIONS: Record<string, () => Expectation> = {
  // flux2-kustomize-helm-example: apps/base/<app>, infrastructure/{controllers,configs}
  'kustomize-helm': () => ({
    clusters: dirs('kustomize-helm', 'clusters').length,
    components: dirs('kustomize-helm', 'apps/base'),
    // infrastructure/controllers holds two charts in flat files: two Resources
    infrastructure: entitiesOfFolders(
      'kustomize-helm',
      componentDirs('kustomize-helm', 'infrastructure').map(
        d => `infrastructure/${d}`,
      ),
    ),
  }),
  // one ks.yaml per app under kubernetes/apps/<namespace>/<app>/; a
  // well-known infrastructure chart (cloudnative-pg) makes a Resource
  'home-lab': () => ({
    path: 'kubernetes/flux/cluster',
    clusters: 1,
    ...byChart(
      namespacedApps('home-lab').filter(a =>
        existsSync(join(FIXTURES, 'home-lab', a.folder, 'ks.yaml')),
      ),
      'home-lab',
    ),
  }),
  // one HelmRelease per app in kubernetes/apps/<namespace>/<app>/: an entity
  // per app folder (not per namespace), well-known charts as Resources
  'namespace-helm': () => ({
    clusters: dirs('namespace-helm', 'clusters').length,
    ...byChart(namespacedApps('namespace-helm'), 'namespace-helm'),
  }),
  // home-ops: every Flux Kustomization of the apps' ks.yaml files is an
  // entity; infrastructure by a well-known chart in its path or by a
  // well-known infrastructure namespace folder
  'home-ops': () => {
    const units = dirs('home-ops', 'kubernetes/apps').flatMap(ns =>
      dirs('home-ops', `kubernetes/apps/${ns}`).flatMap(app => {
        const ks = readFileSync(
          join(FIXTURES, 'home-ops/kubernetes/apps', ns, app, 'ks.yaml'),
          'utf8',
        );
        return [...ks.matchAll(/name: &app (\S+)[\s\S]*?path: \.\/(\S+)/g)].map(
          m => ({
            name: m[1],
            infra:
              isInfrastructureNamespace(ns) ||
              installsInfrastructureChart(join(FIXTURES, 'home-ops', m[2])),
          }),
        );
      }),
    );
    return {
      path: 'kubernetes/flux/cluster',
      clusters: 1,
      components: units
        .filter(u => !u.infra)
        .map(u => u.name)
        .sort(),
      infrastructure: units.filter(u => u.infra).length,
    };
  },
  // tenants holding more than their Flux sync objects (RBAC); infrastructure/ holds only Namespaces
  'multi-tenant': () => ({
    clusters: dirs('multi-tenant', 'clusters').length,
    components: componentDirs('multi-tenant', 'tenants/base'),
    infrastructure: declaresComponentKinds(
      join(FIXTURES, 'multi-tenant/infrastructure'),
    )
      ? 1
      : 0,
  }),
  'plain-folders': () => ({
    clusters: dirs('plain-folders', 'clusters').length,
    components: dirs('plain-folders', 'apps'),
    infrastructure: declaresComponentKinds(
      join(FIXTURES, 'plain-folders/infrastructure'),
    )
      ? 1
      : 0,
  }),
  // apps/<app>; redis is a well-known infrastructure chart, so a Resource
  'oci-chartref': () => {
    const apps = dirs('oci-chartref', 'apps');
    const infra = (app: string) =>
      installsInfrastructureChart(join(FIXTURES, 'oci-chartref/apps', app));
    return {
      clusters: dirs('oci-chartref', 'clusters').length,
      components: apps.filter(a => !infra(a)),
      infrastructure: apps.filter(infra).length,
    };
  },
  'git-chart': () => ({
    clusters: dirs('git-chart', 'clusters').length,
    components: dirs('git-chart', 'apps'),
    infrastructure: 0,
  }),
};

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
];

async function ingestFixture(fixture: string, path?: string) {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['error', 'warn'] as const) {
    logger[level].mockImplementation((message: string) => {
      lines.push(`${level}: ${message}`);
    });
  }
  const provider = new FluxMonorepoEntityProvider({
    config: {
      id: fixture,
      target: join(FIXTURES, fixture),
      path,
      maxRemovalShare: 0.5,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    },
    logger,
    urlReader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  const entities: Entity[] = [];
  const connection: EntityProviderConnection = {
    async applyMutation(mutation) {
      if (mutation.type === 'full')
        entities.push(...mutation.entities.map(e => e.entity));
    },
    async refresh() {},
  };
  await provider.connect(connection);
  const outcome = await provider.refresh();
  return { outcome, entities, lines };
}

const refOf = (e: Entity) =>
  `${e.kind.toLowerCase()}:default/${e.metadata.name}`;
const names = (entities: Entity[], kind: string) =>
  entities
    .filter(e => e.kind === kind)
    .map(e => e.metadata.name)
    .sort();

describe('the engine fixtures through the provider', () => {
  it.each(Object.keys(EXPECTATIONS))(
    '%s ingests without problems into valid, connected entities',
    async fixture => {
      const expected = EXPECTATIONS[fixture]();
      const { outcome, entities, lines } = await ingestFixture(
        fixture,
        expected.path,
      );
      expect(lines).toEqual([]);
      expect(outcome).toMatchObject({ status: 'applied', problems: 0 });

      for (const entity of entities) {
        const checked = await policy.enforce(structuredClone(entity));
        expect(checked).toBeDefined();
        const applies = await Promise.all(
          kindValidators.map(v => v.check(entity)),
        );
        expect(applies.filter(Boolean)).toHaveLength(1);
      }

      const refs = new Set(entities.map(refOf));
      for (const entity of entities) {
        const spec = entity.spec as Record<string, unknown>;
        const named = [
          ...((spec.dependsOn as string[]) ?? []),
          ...((spec.providesApis as string[]) ?? []),
          ...((spec.consumesApis as string[]) ?? []),
          ...(spec.system ? [`system:default/${spec.system}`] : []),
        ];
        expect(named.filter(ref => !refs.has(ref))).toEqual([]);
      }

      const clusters = entities.filter(
        e =>
          e.kind === 'Resource' &&
          (e.spec as any).type === 'kubernetes-cluster',
      );
      expect(clusters).toHaveLength(expected.clusters);
      expect(names(entities, 'Component')).toEqual(expected.components);
      expect(entities.filter(e => e.kind === 'Resource')).toHaveLength(
        expected.clusters + expected.infrastructure,
      );
    },
  );

  it('bad-flux: names each broken file and line, and still ingests the rest', async () => {
    const { outcome, entities, lines } = await ingestFixture('bad-flux');
    expect(outcome).toMatchObject({ status: 'applied' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(/^warn: [\w./-]+\.yaml:\d+(:\d+)?: /);
    // the folders declaring workloads still become components
    expect(names(entities, 'Component')).toEqual(
      componentDirs('bad-flux', '.').filter(d => d !== 'clusters'),
    );
  });
});
