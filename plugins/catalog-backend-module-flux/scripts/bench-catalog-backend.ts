/*
 * Child of bench-catalog.ts: starts a real catalog backend (Backstage's test
 * backend with the catalog plugin) on DB and measures, from backend start,
 * until the catalog API counts EXPECTED processed (final) entities.
 *
 * --mode floor: the catalog's own floor — a trivial provider that applies
 *   the same entities this module would (computed before the backend starts,
 *   with the same code) as one full mutation at connect.
 * --mode flux: this module, one provider reading ROOT through Backstage's
 *   real UrlReader from a loopback Gitea (`giteaServer`: a real tar.gz
 *   archive and the branch's commit, as a Gitea host serves them). With
 *   --changes N it then measures refresh on push: an unchanged push (the
 *   requests it costs) and N one-app changes, each pushed to the Gitea and
 *   announced on the events service (topic `gitea`, as the events backend's
 *   HTTP ingress publishes a Gitea webhook), timed until the catalog API
 *   serves the changed entity.
 *
 * DB: 'sqlite-file' (better-sqlite3 files in a temp folder), 'sqlite-memory'
 * or a postgresql:// connection string (a fresh database per run).
 * Prints one JSON line on stdout: the result and this process's peak RSS.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as nodePath from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import { createLocalTree } from '@flux-portal/kustomize';
import { catalogModuleFluxMonorepo } from '../src/module';
import { ingestMonorepo } from '../src/mapping';
import { createLocationAnnotator } from '../src/locationAnnotations';
import { EntityCommits } from '../src/sourceCommit';
import {
  GiteaServer,
  startGiteaServer,
} from '../src/__testUtils__/giteaServer';
import { captureEvents } from '../src/__testUtils__/captureEvents';
import { catalogBreakdown, instrumentCatalog } from './catalogBreakdown';

instrumentCatalog();

/** The provider's "Ingested …" log lines (phase timings), with when they came. */
const ingestedLines: Array<{ at: number; line: string }> = [];
// the test backend's root logger (level info) writes through console[level]
for (const level of ['info', 'warn', 'error', 'debug', 'log'] as const) {
  console[level] = (message?: unknown) => {
    const line = String(message);
    if (line.includes('Ingested '))
      ingestedLines.push({ at: performance.now(), line: line.trim() });
    else if (level === 'error') process.stderr.write(`${line}\n`);
  };
}

const POLL_MS = 250;
const TIMEOUT_MS = 60 * 60_000;
const PROVIDER_ID = 'bench';
const PROVIDER_NAME = `flux-monorepo-provider:${PROVIDER_ID}`;
const REPO = 'bench/monorepo';
/** Commits are full hex ids, as a forge's are: the entities then carry them. */
const commitId = (n: number) => n.toString(16).padStart(40, 'a');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function databaseConfig(db: string, dbDir: string) {
  if (db === 'sqlite-file')
    return { client: 'better-sqlite3', connection: { directory: dbDir } };
  if (db === 'sqlite-memory')
    return { client: 'better-sqlite3', connection: ':memory:' };
  if (db.startsWith('postgres')) {
    // a database of its own per run, so runs never see each other's entities
    return { client: 'pg', connection: db, prefix: `bench_${Date.now()}_` };
  }
  throw new Error(
    `unknown database '${db}': sqlite-file, sqlite-memory or a postgresql:// URL`,
  );
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function catalogFetch(port: number, path: string) {
  return fetch(`http://127.0.0.1:${port}/api/catalog${path}`, {
    headers: { Authorization: mockCredentials.user.header() },
  });
}

/** Polls the catalog API until it counts `expected` final entities; when the first appeared. */
async function waitForEntities(port: number, expected: number, start: number) {
  let count = 0;
  let firstMs: number | undefined;
  while (count < expected) {
    if (performance.now() - start > TIMEOUT_MS)
      throw new Error(`timed out with ${count}/${expected} entities processed`);
    await sleep(POLL_MS);
    const res = await catalogFetch(port, '/entities/by-query?limit=1');
    if (!res.ok) throw new Error(`catalog API: HTTP ${res.status}`);
    count = ((await res.json()) as { totalItems: number }).totalItems;
    if (count > 0 && firstMs === undefined) firstMs = performance.now() - start;
  }
  return { entities: count, firstMs };
}

/** The catalog's floor: a provider that only hands over finished entities. */
function floorModule(entities: Entity[]) {
  let connection: EntityProviderConnection | undefined;
  const apply = () =>
    connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: PROVIDER_NAME,
      })),
    });
  const provider: EntityProvider = {
    getProviderName: () => PROVIDER_NAME,
    async connect(c) {
      connection = c;
      await apply();
    },
  };
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-floor',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
  return { module, entities, apply };
}

/**
 * The catalog's own latency for a one-entity change: the floor provider
 * applies the same full mutation with one app's description changed, timed
 * until the catalog API serves it.
 */
async function measureFloorChanges(
  port: number,
  floor: ReturnType<typeof floorModule>,
  changes: number,
): Promise<ChangeTiming[]> {
  await sleep(5000);
  const apps = floor.entities.filter(e => e.kind === 'Component');
  const timings: ChangeTiming[] = [];
  for (let i = 0; i < changes; i++) {
    const entity = apps[Math.floor(((i + 0.5) * apps.length) / changes)];
    const description = `changed ${i}`;
    entity.metadata.description = description;
    const start = performance.now();
    await floor.apply();
    for (;;) {
      const res = await catalogFetch(
        port,
        `/entities/by-name/component/default/${entity.metadata.name}`,
      );
      if (
        res.ok &&
        ((await res.json()) as Entity).metadata.description === description
      )
        break;
      if (performance.now() - start > 10 * 60_000)
        throw new Error(`${entity.metadata.name}: change not visible`);
      await sleep(50);
    }
    timings.push({
      app: entity.metadata.name,
      visibleMs: performance.now() - start,
    });
    await sleep(3000);
  }
  return timings;
}

/** The entities this module's provider applies for ROOT read at `commit` from `target`. */
async function providerEntities(
  root: string,
  target: string,
  commit: string,
): Promise<Entity[]> {
  const { entities } = await ingestMonorepo(createLocalTree(root), {
    clusterFallbackName: PROVIDER_ID,
    locationAnnotations: createLocationAnnotator({
      target,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    }),
  });
  return new EntityCommits().annotate(entities, commit).entities;
}

function giteaPush(gitea: GiteaServer, sha: string) {
  return {
    topic: 'gitea',
    eventPayload: {
      ref: 'refs/heads/main',
      before: '0'.repeat(40),
      after: sha,
      repository: {
        full_name: REPO,
        html_url: `${gitea.baseUrl}/${REPO}`,
        default_branch: 'main',
      },
    },
    metadata: { 'x-gitea-event': 'push' },
  };
}

/** An app's Deployment gains an env var naming redis's in-cluster Service: a new dependsOn. */
function changeApp(root: string, app: string): string {
  const file = nodePath.join(root, 'apps', app, 'base', 'deployment.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(
      '          env:\n',
      '          env:\n            - name: REDIS_URL\n              value: redis://redis.redis:6379/0\n',
    ),
  );
  return 'resource:default/redis';
}

async function dependsOn(port: number, app: string): Promise<string[]> {
  const res = await catalogFetch(
    port,
    `/entities/by-name/component/default/${app}`,
  );
  if (!res.ok) return [];
  const entity = (await res.json()) as Entity;
  return (entity.relations ?? [])
    .filter(r => r.type === 'dependsOn')
    .map(r => r.targetRef);
}

interface ChangeTiming {
  app: string;
  /** the provider's log line for this refresh: read, mapped, applied */
  provider?: string;
  /** push event published → the provider logged that it applied the change */
  providerDoneMs?: number;
  /** the backend's longest event-loop stall from the push event until the change was visible */
  longestStallMs?: number;
  /** push event published → the catalog API serves the new relation */
  visibleMs: number;
}

/** Unchanged push, then one-app changes, each timed from the push event to the catalog API. */
async function measurePushes(
  port: number,
  root: string,
  gitea: GiteaServer,
  events: EventsService,
  changes: number,
) {
  // let the first ingestion's last stitches settle
  await sleep(5000);
  const before = gitea.requests.length;
  await events.publish(giteaPush(gitea, gitea.commit()));
  await sleep(3000);
  const unchangedRequests = gitea.requests.slice(before);

  const apps = readdirSync(nodePath.join(root, 'apps'), {
    withFileTypes: true,
  })
    .filter(d => d.isDirectory())
    .map(d => d.name);
  const timings: ChangeTiming[] = [];
  for (let i = 0; i < changes; i++) {
    // spread over the repository: first, middle, last …
    const app = apps[Math.floor(((i + 0.5) * apps.length) / changes)];
    const target = changeApp(root, app);
    if ((await dependsOn(port, app)).includes(target))
      throw new Error(`${app} already depends on ${target}`);
    gitea.push(root, commitId(2 + i)); // rebuilds the archive: before the clock starts
    const logged = ingestedLines.length;
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const start = performance.now();
    await events.publish(giteaPush(gitea, commitId(2 + i)));
    for (;;) {
      if ((await dependsOn(port, app)).includes(target)) break;
      if (performance.now() - start > 10 * 60_000)
        throw new Error(`${app}: change not visible after 10 minutes`);
      await sleep(50);
    }
    const visibleMs = performance.now() - start;
    stalls.disable();
    const line = ingestedLines[logged];
    timings.push({
      app,
      provider: line?.line.replace(/^.*?Ingested/, 'Ingested'),
      providerDoneMs: line && line.at - start,
      longestStallMs: stalls.max / 1e6,
      visibleMs,
    });
    await sleep(3000);
  }
  return { unchangedRequests, timings };
}

async function main() {
  const mode = arg('--mode') ?? 'flux';
  const root = arg('--root')!;
  const expected = Number(arg('--expected'));
  const db = arg('--db') ?? 'sqlite-file';
  const interval = arg('--interval');
  const stitchInterval = arg('--stitch-interval');
  const changes = Number(arg('--changes') ?? 0);
  const dbDir = mkdtempSync(nodePath.join(tmpdir(), 'bench-catalog-db-'));

  const gitea =
    mode === 'flux'
      ? await startGiteaServer(REPO, root, commitId(1))
      : undefined;
  const target =
    gitea?.treeUrl(REPO) ?? `http://127.0.0.1:1/${REPO}/src/branch/main`;
  const captured = captureEvents();
  const floor =
    mode === 'floor'
      ? floorModule(await providerEntities(root, target, commitId(1)))
      : undefined;
  const features = floor
    ? [floor.module]
    : [catalogModuleFluxMonorepo, captured.module];
  const config = {
    backend: { database: databaseConfig(db, dbDir) },
    integrations: gitea ? { gitea: [gitea.integration] } : {},
    catalog: {
      ...(interval
        ? { processingInterval: { seconds: Number(interval) } }
        : {}),
      ...(stitchInterval
        ? {
            stitchingStrategy: {
              pollingInterval: { milliseconds: Number(stitchInterval) * 1000 },
            },
          }
        : {}),
      providers: {
        fluxMonorepo: {
          [PROVIDER_ID]: {
            target,
            schedule: {
              frequency: { minutes: 60 },
              timeout: { minutes: 30 },
              initialDelay: { seconds: 0 },
            },
          },
        },
      },
    },
  };

  const start = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...features,
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.database.factory(),
      mockServices.rootLogger.factory({ level: 'info' }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const { entities, firstMs } = await waitForEntities(port, expected, start);
    const ms = performance.now() - start;
    const breakdown = catalogBreakdown();
    const pushes =
      gitea && changes > 0
        ? await measurePushes(port, root, gitea, captured.events(), changes)
        : undefined;
    const floorChanges =
      floor && changes > 0
        ? await measureFloorChanges(port, floor, changes)
        : undefined;
    return {
      ms,
      firstMs,
      entities,
      breakdown,
      pushes,
      floorChanges,
      provider: ingestedLines[0]?.line.replace(/^.*?Ingested/, 'Ingested'),
    };
  } finally {
    await backend.stop();
    await gitea?.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

main().then(
  result => {
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`\n${JSON.stringify({ ...result, maxRssMb })}\n`);
    // the catalog's timers may keep the event loop alive after stop()
    process.exit(0);
  },
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
