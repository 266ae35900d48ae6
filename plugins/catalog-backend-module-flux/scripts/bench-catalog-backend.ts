/*
 * Child of bench-catalog.ts: starts a real catalog backend (Backstage's test
 * backend with the catalog plugin and this module, SQLite in a temp folder)
 * with one flux-monorepo provider pointed at ROOT, and polls the catalog API
 * until EXPECTED entities are processed (final entities). Prints one JSON
 * line: time from backend start, time to the first entity, entity count and
 * this process's peak RSS.
 *
 * DB: 'sqlite-file' (better-sqlite3 files in a temp folder: every catalog
 * transaction commit is a file sync), 'sqlite-memory' (the usual local-dev
 * setup) or a postgresql:// connection string (a fresh database per run).
 *
 * PROCESSING_INTERVAL_S: the catalog's `processingInterval` in seconds
 * (default: the catalog's own, 100-150 s); longer keeps entities processed
 * early from being processed again while the rest of a big first ingestion
 * still waits.
 *
 * Usage: node -r @backstage/cli/config/nodeTransform.cjs scripts/bench-catalog-backend.ts ROOT EXPECTED [DB] [PROCESSING_INTERVAL_S]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleFluxMonorepo } from '../src/module';
import { catalogBreakdown, instrumentCatalog } from './catalogBreakdown';

instrumentCatalog();

const POLL_MS = 250;
const TIMEOUT_MS = 60 * 60_000;

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

/** The test backend's config: the database, and one provider reading ROOT once, at startup. */
function backendConfig(
  root: string,
  database: object,
  processingIntervalS?: number,
) {
  return {
    backend: { database },
    catalog: {
      ...(processingIntervalS
        ? { processingInterval: { seconds: processingIntervalS } }
        : {}),
      providers: {
        fluxMonorepo: {
          bench: {
            target: root,
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
}

/** Polls the catalog API until it counts `expected` final entities; when the first appeared. */
async function waitForEntities(port: number, expected: number, start: number) {
  const url = `http://127.0.0.1:${port}/api/catalog/entities/by-query?limit=1`;
  let count = 0;
  let firstMs: number | undefined;
  while (count < expected) {
    if (performance.now() - start > TIMEOUT_MS)
      throw new Error(`timed out with ${count}/${expected} entities processed`);
    await new Promise(r => setTimeout(r, POLL_MS));
    const res = await fetch(url, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    if (!res.ok) throw new Error(`catalog API: HTTP ${res.status}`);
    count = ((await res.json()) as { totalItems: number }).totalItems;
    if (count > 0 && firstMs === undefined) firstMs = performance.now() - start;
  }
  return { entities: count, firstMs };
}

async function measureCatalog(
  root: string,
  expected: number,
  db: string,
  processingIntervalS?: number,
) {
  const dbDir = mkdtempSync(nodePath.join(tmpdir(), 'bench-catalog-db-'));
  const start = performance.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleFluxMonorepo,
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.database.factory(),
      mockServices.rootConfig.factory({
        data: backendConfig(
          root,
          databaseConfig(db, dbDir),
          processingIntervalS,
        ),
      }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const { entities, firstMs } = await waitForEntities(port, expected, start);
    return {
      ms: performance.now() - start,
      firstMs,
      entities,
      breakdown: catalogBreakdown(),
    };
  } finally {
    await backend.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

const [root, expected, db, interval] = process.argv.slice(2);
measureCatalog(
  root,
  Number(expected),
  db ?? 'sqlite-file',
  interval ? Number(interval) : undefined,
).then(
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
