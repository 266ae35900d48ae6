/*
 * A monorepo registered at run time as a `flux-monorepo` Location, through
 * the catalog API of a real catalog backend (SQLite), read by Backstage's own
 * GiteaUrlReader from a loopback server: it yields the entities the
 * provider's mapping produces, and bad targets fail with a clear message;
 * between processing runs an unchanged repository costs one request.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type {
  CatalogProcessorCache,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import { createLocalTree } from '@flux-portal/kustomize';
import { catalogModuleFluxMonorepo } from './module';
import { FluxMonorepoLocationProcessor } from './FluxMonorepoLocationProcessor';
import { ingestMonorepo } from './mapping';
import { EXAMPLE_MONOREPO } from './__testUtils__/exampleMonorepo';
import {
  catalogRequest,
  query,
  waitForEntities,
} from './__testUtils__/catalogApi';
import { GiteaServer, startGiteaServer } from './__testUtils__/giteaServer';
import { folderUrlReader } from './__testUtils__/folderUrlReader';

jest.setTimeout(120_000);

type Entity = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: unknown;
};
const MAPPED_KINDS = new Set(['Component', 'Resource', 'System', 'API']);
const refOf = (e: Entity) => `${e.kind}:${e.metadata.name}`;

/** What the mapping decides, without the location annotations that differ by target. */
function mapped(e: Entity) {
  const annotations = Object.entries(e.metadata.annotations ?? {}).filter(
    ([key]) =>
      key.startsWith('flux-portal.io/') ||
      key.startsWith('backstage.io/kubernetes'),
  );
  return {
    ref: refOf(e),
    spec: e.spec,
    annotations: Object.fromEntries(annotations),
  };
}

describe('FluxMonorepoLocationProcessor in the catalog', () => {
  let gitea: GiteaServer;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    gitea = await startGiteaServer('acme/platform', EXAMPLE_MONOREPO);
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleFluxMonorepo,
        mockServices.rootConfig.factory({
          data: {
            integrations: { gitea: [gitea.integration] },
            // the catalog's default rules allow only Component, API and Location from registered locations
            catalog: {
              rules: [
                {
                  allow: ['Component', 'System', 'API', 'Resource', 'Location'],
                },
              ],
            },
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await gitea?.close();
  });

  const register = (target: string, dryRun = false) =>
    catalogRequest(
      backend.server,
      `/locations${dryRun ? '?dryRun=true' : ''}`,
      {
        method: 'POST',
        body: { type: 'flux-monorepo', target },
      },
    );

  it('maps a registered monorepo exactly like the provider does', async () => {
    const target = gitea.treeUrl('acme/platform');
    const res = await register(target, true);
    if (res.status !== 201)
      throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    const { entities } = (await res.json()) as { entities: Entity[] };
    const fromLocation = entities
      .filter(e => MAPPED_KINDS.has(e.kind))
      .map(mapped);

    const expected = (
      await ingestMonorepo(createLocalTree(EXAMPLE_MONOREPO))
    ).entities.map(e => mapped(e as Entity));
    expect(fromLocation.map(e => e.ref).sort()).toEqual(
      expected.map(e => e.ref).sort(),
    );
    const byRef = new Map(fromLocation.map(e => [e.ref, e]));
    for (const e of expected) expect(byRef.get(e.ref)).toEqual(e);
    // read through UrlReader: the commit (ETag) and the archive, once each
    expect(gitea.requests).toEqual([
      '/api/v1/repos/acme/platform/git/commits/main',
      '/api/v1/repos/acme/platform/archive/main.tar.gz',
    ]);
  });

  it('ingests the registered monorepo into the catalog with its location and relations', async () => {
    const target = gitea.treeUrl('acme/platform');
    expect((await register(target)).status).toBe(201);
    const components = await waitForEntities(
      backend.server,
      'kind=component',
      34,
    );
    expect(components).toHaveLength(34);
    const django = await query(
      backend.server,
      '/entities/by-name/component/default/django',
    );
    // the catalog names the registered location itself as the manager
    expect(
      django.metadata.annotations['backstage.io/managed-by-location'],
    ).toBe(`flux-monorepo:${target}`);
    expect(django.metadata.annotations['backstage.io/source-location']).toBe(
      `url:${target}/apps/django/`,
    );
    const dependsOn = django.relations
      .filter((r: any) => r.type === 'dependsOn')
      .map((r: any) => r.targetRef);
    expect(dependsOn).toEqual(
      expect.arrayContaining([
        'resource:default/postgresql',
        'resource:default/redis',
      ]),
    );
  });

  it.each([
    [
      'a local path',
      () => '/etc',
      /flux-monorepo location needs a URL target, got '\/etc'/,
    ],
    [
      'a file URL',
      () => 'file:///etc',
      /needs a URL target, got 'file:\/\/\/etc'/,
    ],
    [
      'a repository that does not exist',
      () => gitea.treeUrl('acme/missing'),
      /acme\/missing\/src\/branch\/main was not found/,
    ],
    [
      'a server error',
      () => gitea.treeUrl('owner/broken'),
      /Could not read flux monorepo .*owner\/broken.*500/,
    ],
  ])('refuses %s with a clear error', async (_label, target, message) => {
    const res = await register(target(), true);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(message);
  });
});

describe('FluxMonorepoLocationProcessor between processing runs', () => {
  /** The processor cache the catalog keeps per location entity, as a map. */
  function memoryCache(): CatalogProcessorCache {
    const values = new Map<string, any>();
    return {
      async get(key) {
        return values.get(key);
      },
      async set(key, value) {
        values.set(key, value);
      },
    };
  }

  it('reads an unchanged repository with its ETag only and re-emits the cached entities', async () => {
    const { urlReader, calls } = folderUrlReader(EXAMPLE_MONOREPO);
    const processor = new FluxMonorepoLocationProcessor({
      urlReader,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      logger: mockServices.logger.mock(),
    });
    const location = {
      type: 'flux-monorepo',
      target: 'https://github.com/acme/platform/tree/main',
    };
    const cache = memoryCache();
    const run = async () => {
      const emitted: string[] = [];
      const emit: CatalogProcessorEmit = result => {
        if (result.type === 'entity')
          emitted.push(refOf(result.entity as Entity));
        else emitted.push(`${result.type}`);
      };
      expect(
        await processor.readLocation(
          location,
          false,
          emit,
          async function* parse() {},
          cache,
        ),
      ).toBe(true);
      return emitted;
    };

    const first = await run();
    expect(first.filter(e => e.startsWith('Component:'))).toHaveLength(34);
    const second = await run();
    expect(second).toEqual(first);
    expect(calls).toEqual([undefined, 'etag-1']);
  });
});
