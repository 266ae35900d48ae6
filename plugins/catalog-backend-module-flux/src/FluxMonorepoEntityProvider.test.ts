import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import { DatabaseLastGoodStore } from './lastGood/DatabaseLastGoodStore';
import { LastGoodStore, memoryLastGoodStore } from './lastGood/LastGoodStore';
import {
  copyExampleMonorepo,
  EXAMPLE_MONOREPO,
} from './__testUtils__/exampleMonorepo';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { folderUrlReader } from './__testUtils__/folderUrlReader';

const databases = createTestDatabases();
jest.setTimeout(60_000);

type Mutation = Extract<EntityProviderMutation, { type: 'full' }>;
type Delta = Extract<EntityProviderMutation, { type: 'delta' }>;

function recordingConnection() {
  const mutations: Mutation[] = [];
  const deltas: Delta[] = [];
  const connection: EntityProviderConnection = {
    async applyMutation(m) {
      if (m.type === 'full') mutations.push(m);
      else deltas.push(m);
    },
    async refresh() {},
  };
  return { connection, mutations, deltas };
}

/** Takes the `notes` app out of the apps list. */
function unregisterNotes(dir: string) {
  const registry = join(dir, 'apps/kustomization.yaml');
  writeFileSync(
    registry,
    readFileSync(registry, 'utf8').replace(/^\s*- notes\s*$/m, ''),
  );
}

const DJANGO_DEPLOYMENT = 'apps/django/base/deployment.yaml';

function describeDjango(dir: string, description: string) {
  const file = join(dir, DJANGO_DEPLOYMENT);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      /flux-portal\.io\/description: .*/,
      `flux-portal.io/description: "${description}"`,
    ),
  );
}

function capturingLogger() {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['error', 'warn', 'info', 'debug'] as const) {
    logger[level].mockImplementation((message: string) => {
      lines.push(`${level}: ${message}`);
    });
  }
  logger.child.mockReturnValue(logger);
  return { logger, lines };
}

function provider(
  target: string,
  urlReader: UrlReaderService = mockServices.urlReader.mock(),
  lastGood?: LastGoodStore,
) {
  const { logger, lines } = capturingLogger();
  const p = new FluxMonorepoEntityProvider({
    config: {
      id: 'test',
      target,
      maxRemovalShare: 0.5,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    },
    logger,
    urlReader,
    lastGood,
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  return { provider: p, lines };
}

/** Unregisters every service but `keep`: most likely a bad merge, not a real removal. */
function unregisterAllAppsBut(registry: string, keep: string[]) {
  const lines = readFileSync(registry, 'utf8').split('\n');
  const kept = lines.filter(
    line =>
      !/^\s*- /.test(line) ||
      keep.some(name => new RegExp(`- ${name}\\s*$`).test(line)),
  );
  writeFileSync(registry, kept.join('\n'));
}

const names = (m: Mutation) =>
  m.entities.map(e => `${e.entity.kind}:${e.entity.metadata.name}`);

describe('FluxMonorepoEntityProvider', () => {
  it('never overlaps refreshes: calls during a run share one follow-up run', async () => {
    let active = 0;
    let maxActive = 0;
    let reads = 0;
    const folder = folderUrlReader(EXAMPLE_MONOREPO);
    const urlReader = mockServices.urlReader.mock({
      async readTree(url, options) {
        reads += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise(r => setTimeout(r, 50));
        active -= 1;
        // always a fresh read: no ETag, so each run reads and applies
        return folder.urlReader.readTree(url, { ...options, etag: undefined });
      },
    });
    const { provider: p } = provider(
      'https://github.com/acme/platform/tree/main/',
      urlReader,
    );
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    const outcomes = await Promise.all([
      p.refresh(),
      p.refresh(),
      p.refresh(),
      p.refresh(),
    ]);
    expect(outcomes.map(o => o.status)).toEqual(Array(4).fill('applied'));
    expect(maxActive).toBe(1);
    // the first run, then one run for the three calls made during it
    expect(reads).toBe(2);
    expect(mutations).toHaveLength(2);
    // and once idle, a call runs again
    await p.refresh();
    expect(reads).toBe(3);
  });

  it('applies the whole monorepo as one full mutation under its location key', async () => {
    const { provider: p } = provider(EXAMPLE_MONOREPO);
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    const outcome = await p.refresh();
    expect(outcome).toMatchObject({ status: 'applied' });
    expect(mutations).toHaveLength(1);
    expect(
      names(mutations[0]).filter(n => n.startsWith('Component:')),
    ).toHaveLength(34);
    for (const { entity, locationKey } of mutations[0].entities) {
      expect(locationKey).toBe('flux-monorepo-provider:test');
      expect(
        entity.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${EXAMPLE_MONOREPO}`);
      expect(
        entity.metadata.annotations?.[
          'backstage.io/managed-by-origin-location'
        ],
      ).toBe(`file:${EXAMPLE_MONOREPO}`);
    }
  });

  it('keeps ingesting everything else when one manifest is broken, and names its file and line', async () => {
    const dir = copyExampleMonorepo();
    const broken = join(dir, 'apps/django/base/service.yaml');
    writeFileSync(
      broken,
      `${readFileSync(broken, 'utf8')}\n  bad: [unclosed\n`,
    );
    const { provider: p, lines } = provider(dir);
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    expect(await p.refresh()).toMatchObject({ status: 'applied' });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^warn: apps\/django\/base\/service\.yaml:23:\d+: invalid YAML/,
      ),
    );
    const ingested = names(mutations[0]);
    expect(ingested).toEqual(
      expect.arrayContaining([
        'Component:pm',
        'Component:bim',
        'Resource:postgresql',
      ]),
    );
    expect(
      ingested.filter(n => n.startsWith('Component:')).length,
    ).toBeGreaterThanOrEqual(33);
  });

  it('refuses a refresh that would remove more than the allowed share, then accepts a sane one', async () => {
    const dir = copyExampleMonorepo();
    const { provider: p, lines } = provider(dir);
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    await p.refresh();

    const registry = join(dir, 'apps/kustomization.yaml');
    const original = readFileSync(registry, 'utf8');
    unregisterAllAppsBut(registry, ['django', 'pm']);
    const refused = await p.refresh();
    expect(refused).toMatchObject({ status: 'refused' });
    expect(mutations).toHaveLength(1);
    expect(lines.some(l => l.startsWith('warn: Refusing to apply'))).toBe(true);

    // Removing a single service is fine.
    writeFileSync(registry, original.replace(/^\s*- notes\s*$/m, ''));
    expect(await p.refresh()).toMatchObject({ status: 'applied' });
    expect(names(mutations[1])).not.toContain('Component:notes');
    expect(names(mutations[1])).toContain('Component:django');
  });

  it.each(databases.eachSupportedId())(
    'remembers the last good set across a backend restart in the catalog database (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const dir = copyExampleMonorepo();
      const before = provider(
        dir,
        undefined,
        new DatabaseLastGoodStore(async () => knex),
      );
      const { connection, mutations } = recordingConnection();
      await before.provider.connect(connection);
      expect(await before.provider.refresh()).toMatchObject({
        status: 'applied',
      });

      // A restart: a new provider instance with nothing in memory, the same database.
      unregisterAllAppsBut(join(dir, 'apps/kustomization.yaml'), ['django']);
      const after = provider(
        dir,
        undefined,
        new DatabaseLastGoodStore(async () => knex),
      );
      await after.provider.connect(connection);
      expect(await after.provider.refresh()).toMatchObject({
        status: 'refused',
      });
      expect(mutations).toHaveLength(1);

      // A provider with an empty memory (the old behaviour) would have trusted that read.
      const forgetful = provider(dir);
      await forgetful.provider.connect(connection);
      expect(await forgetful.provider.refresh()).toMatchObject({
        status: 'applied',
      });
    },
  );

  describe('refresh on push', () => {
    it('sends only the changed and removed entities as a delta', async () => {
      const dir = copyExampleMonorepo();
      const { provider: p, lines } = provider(dir);
      const { connection, mutations, deltas } = recordingConnection();
      await p.connect(connection);
      expect(await p.refresh('push')).toMatchObject({ mutation: 'full' });

      describeDjango(dir, 'Core REST API, second edition');
      expect(await p.refresh('push')).toMatchObject({
        status: 'applied',
        mutation: 'delta',
        changed: 1,
        removed: 0,
      });
      expect(mutations).toHaveLength(1);
      expect(deltas).toHaveLength(1);
      expect(deltas[0].added.map(e => e.entity.metadata.name)).toEqual([
        'django',
      ]);
      expect(deltas[0].added[0].entity.metadata.description).toBe(
        'Core REST API, second edition',
      );
      expect(deltas[0].added[0].locationKey).toBe(p.getProviderName());
      expect(deltas[0].removed).toEqual([]);
      expect(
        lines.some(l => /as a delta mutation; 1 changed, 0 removed/.test(l)),
      ).toBe(true);

      // Unregistering an app removes it, and changes the apps that shared its Flux Kustomization.
      unregisterNotes(dir);
      expect(await p.refresh('push')).toMatchObject({
        mutation: 'delta',
        changed: 33,
        removed: 1,
      });
      expect(deltas[1].removed).toEqual([
        {
          entityRef: 'component:default/notes',
          locationKey: p.getProviderName(),
        },
      ]);
      expect(
        new Set(
          deltas[1].added.map(
            e =>
              e.entity.metadata.annotations?.[
                'flux-portal.io/kustomization-shared-by'
              ],
          ),
        ),
      ).toEqual(new Set(['33']));

      // a push that changes no entity sends nothing
      writeFileSync(join(dir, 'README.md'), 'only the docs changed\n');
      expect(await p.refresh('push')).toMatchObject({
        mutation: 'delta',
        changed: 0,
        removed: 0,
      });
      expect(deltas).toHaveLength(2);
      expect(mutations).toHaveLength(1);
    });

    it('writes the last good set again only when a push changed which entities exist', async () => {
      const store = memoryLastGoodStore();
      const written: number[] = [];
      const counting: LastGoodStore = {
        read: name => store.read(name),
        write: async (name, set) => {
          written.push(set.entityRefs.length);
          await store.write(name, set);
        },
      };
      const dir = copyExampleMonorepo();
      const { provider: p } = provider(dir, undefined, counting);
      await p.connect(recordingConnection().connection);
      await p.refresh('push');
      const all = written[0];

      describeDjango(dir, 'content only');
      expect(await p.refresh('push')).toMatchObject({
        mutation: 'delta',
        changed: 1,
      });
      expect(written).toEqual([all]);

      unregisterNotes(dir);
      expect(await p.refresh('push')).toMatchObject({
        mutation: 'delta',
        removed: 1,
      });
      expect(written).toEqual([all, all - 1]);
      // the set it kept is still this instance's: the next push is a delta again
      describeDjango(dir, 'content again');
      expect(await p.refresh('push')).toMatchObject({ mutation: 'delta' });
    });

    it('a scheduled refresh stays a full mutation, and a push refresh sharing its run too', async () => {
      const dir = copyExampleMonorepo();
      const { provider: p } = provider(dir);
      const { connection, mutations, deltas } = recordingConnection();
      await p.connect(connection);
      await p.refresh();
      describeDjango(dir, 'changed on a schedule');
      expect(await p.refresh()).toMatchObject({ mutation: 'full' });
      describeDjango(dir, 'changed while a scheduled run waits');
      const running = p.refresh('push');
      const [, shared] = await Promise.all([
        running,
        Promise.all([p.refresh('push'), p.refresh()]),
      ]);
      expect(shared.map(o => o.status === 'applied' && o.mutation)).toEqual([
        'full',
        'full',
      ]);
      expect(deltas).toHaveLength(1);
      expect(mutations).toHaveLength(3);
    });

    it.each(databases.eachSupportedId())(
      'sends a full mutation when another backend instance applied the last set (%p)',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const dir = copyExampleMonorepo();
        const store = () => new DatabaseLastGoodStore(async () => knex);
        const one = provider(dir, undefined, store()).provider;
        const two = provider(dir, undefined, store()).provider;
        const { connection, mutations, deltas } = recordingConnection();
        await one.connect(connection);
        await two.connect(connection);

        await one.refresh();
        describeDjango(dir, 'first push');
        expect(await one.refresh('push')).toMatchObject({ mutation: 'delta' });
        // the other instance has never applied: it does not know what the catalog holds
        describeDjango(dir, 'second push');
        expect(await two.refresh('push')).toMatchObject({ mutation: 'full' });
        // and now the first one's memory is stale: the stored generation is the other's
        describeDjango(dir, 'third push');
        expect(await one.refresh('push')).toMatchObject({ mutation: 'full' });
        expect(await one.refresh('push')).toMatchObject({
          mutation: 'delta',
          changed: 0,
        });
        expect(mutations).toHaveLength(3);
        expect(deltas).toHaveLength(1);
      },
    );
  });

  it('keeps the last good set when the target cannot be read', async () => {
    const dir = copyExampleMonorepo();
    const { provider: p } = provider(dir);
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    await p.refresh();
    rmSync(dir, { recursive: true, force: true });
    expect(await p.refresh()).toMatchObject({ status: 'failed' });
    expect(mutations).toHaveLength(1);
  });

  it('reads URL targets with readTree and skips an unchanged tree by its ETag', async () => {
    const { urlReader, calls } = folderUrlReader(EXAMPLE_MONOREPO);
    const { provider: p } = provider(
      'https://github.com/acme/platform/tree/main',
      urlReader,
    );
    const { connection, mutations } = recordingConnection();
    await p.connect(connection);
    expect(await p.refresh()).toMatchObject({ status: 'applied' });
    expect(await p.refresh()).toEqual({ status: 'not-modified' });
    expect(calls).toEqual([undefined, 'etag-1']);
    expect(mutations).toHaveLength(1);
    const django = mutations[0].entities.find(
      e => e.entity.metadata.name === 'django',
    )!.entity;
    expect(django.metadata.annotations?.['backstage.io/source-location']).toBe(
      'url:https://github.com/acme/platform/tree/main/apps/django/',
    );
  });
});
