/*
 * Catalog benchmark: generates a seed-shaped monorepo (`generateMonorepo` of
 * @flux-portal/test-utils, as the engine benchmark: clusters/contour, 21
 * infrastructure components, N apps with base/ + patches/) in a temp folder
 * and measures, each in a child process of its own so its peak RSS (maxRSS)
 * is its alone:
 *
 * - engine: ingestMonorepo() = loadMonorepo + CODEOWNERS + monorepoToEntities,
 *   i.e. what the provider computes before handing entities to the catalog;
 * - floor: the catalog's own floor — a real catalog backend (Backstage's test
 *   backend, the same database kind) where a trivial provider applies the
 *   same entities, finished beforehand, as one full mutation; from backend
 *   start until the catalog API counts every entity as processed;
 * - flux: the same with this module reading the repository through
 *   Backstage's real UrlReader from a loopback Gitea (tar.gz archive and
 *   commit), then refresh on push: the requests an unchanged push costs, and
 *   --changes one-app changes (a new env var naming redis's Service: a new
 *   dependsOn), each timed from the push event to the catalog API serving it.
 *
 * --db: sqlite-file (default; better-sqlite3 files, a file sync per catalog
 * transaction), sqlite-memory (the usual local-dev setup), or a
 * postgresql:// URL (production's database; a fresh database per run).
 * The catalog children are bench-catalog-backend.ts.
 *
 * Usage: yarn bench:catalog [--apps 10000] [--db sqlite-file|sqlite-memory|postgresql://…]
 *        [--processing-interval SECONDS] [--stitch-interval SECONDS] [--changes 3] [--keep]
 *        (--apps 1000 for a quick check)
 * Targets: flux within 1.2x the floor; a one-app change in the catalog under
 * 5 s after the push event. Printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalTree } from '@flux-portal/kustomize';
import { ingestMonorepo } from '../src/mapping';
// The generator alone: the package index also loads the schema validators,
// whose ESM-only kubernetes-models packages plain `node -r` cannot require.
import { generateMonorepo } from '@flux-portal/test-utils/generators';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function childEngine(root: string) {
  const start = performance.now();
  const { entities, problems } = await ingestMonorepo(
    createLocalTree(root),
    {},
  );
  return {
    ms: performance.now() - start,
    entities: entities.length,
    problems: problems.length,
  };
}

/** Runs a script of this folder in a child process; its last stdout line is the result. */
function runChild(script: string, args: string[]) {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const out = execFileSync(
    process.execPath,
    ['-r', transform, nodePath.join(__dirname, script), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      // the backend logs to stderr; only the last stdout line is the result
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

type EngineResult = Awaited<ReturnType<typeof childEngine>> & {
  maxRssMb: number;
};

interface CatalogResult {
  ms: number;
  firstMs?: number;
  entities: number;
  maxRssMb: number;
  /** the provider's log line of the first ingestion (flux run) */
  provider?: string;
  breakdown: {
    timings: Record<string, { calls: number; ms: number }>;
    stitchedEntities: number;
    mostStitched: unknown;
  };
  /** floor run: one-entity changes applied by the trivial provider */
  floorChanges?: Array<{ app: string; visibleMs: number }>;
  pushes?: {
    unchangedRequests: string[];
    timings: Array<{
      app: string;
      provider?: string;
      providerDoneMs?: number;
      longestStallMs?: number;
      visibleMs: number;
    }>;
  };
}

const seconds = (ms: number, digits = 2) => (ms / 1000).toFixed(digits);

function catalogLine(label: string, run: CatalogResult): string {
  return `${label} (backend start to all entities processed): ${seconds(
    run.ms,
  )} s (first entity after ${seconds(
    run.firstMs ?? 0,
  )} s), peak RSS ${run.maxRssMb.toFixed(0)} MB`;
}

function breakdownLines(run: CatalogResult): string[] {
  return [
    ...Object.entries(run.breakdown.timings).map(
      ([label, t]) => `  ${label}: ${t.calls} calls, ${seconds(t.ms, 1)} s`,
    ),
    `  stitched ${
      run.breakdown.stitchedEntities
    } entities; most stitched: ${JSON.stringify(run.breakdown.mostStitched)}`,
  ];
}

/** `median M s, max X s` of some timings. */
function spread(timings: Array<{ visibleMs: number }>): string {
  const ms = timings.map(t => t.visibleMs).sort((a, b) => a - b);
  return `median ${seconds(ms[Math.floor(ms.length / 2)])} s, max ${seconds(
    ms[ms.length - 1],
  )} s`;
}

function pushLines(
  pushes: CatalogResult['pushes'],
  floorChanges: CatalogResult['floorChanges'],
): string[] {
  if (!pushes) return [];
  return [
    `unchanged push: ${
      pushes.unchangedRequests.length
    } request(s) to the Git host (${pushes.unchangedRequests.join(', ')})`,
    ...pushes.timings.map(
      t =>
        `one-app change (${t.app}): in the catalog API ${seconds(
          t.visibleMs,
        )} s after the push event (the provider done after ${
          t.providerDoneMs === undefined ? '?' : seconds(t.providerDoneMs)
        } s; longest event-loop stall ${
          t.longestStallMs === undefined ? '?' : seconds(t.longestStallMs)
        } s); ${t.provider ?? 'no provider log line'}`,
    ),
    ...(pushes.timings.length
      ? [
          `one-app change, push event to catalog: ${spread(
            pushes.timings,
          )} (target < 5 s)`,
        ]
      : []),
    ...(floorChanges?.length
      ? [
          `the catalog's own latency (floor: the trivial provider applies the full set with one entity changed): ${spread(
            floorChanges,
          )}`,
        ]
      : []),
  ];
}

/** The printed report: the three measurements, the ratios and the catalog's breakdowns. */
function report(run: {
  apps: number;
  root?: string;
  db: string;
  interval?: string;
  stitchInterval?: string;
  engine: EngineResult;
  floor: CatalogResult;
  flux: CatalogResult;
}): string[] {
  const { engine, floor, flux } = run;
  return [
    `apps: ${run.apps}${run.root ? ` (repository kept in ${run.root})` : ''}`,
    `entities: ${engine.entities} (engine problems: ${engine.problems}); processed by the catalog: floor ${floor.entities}, flux ${flux.entities}`,
    `engine (ingestMonorepo): ${seconds(
      engine.ms,
    )} s, peak RSS ${engine.maxRssMb.toFixed(0)} MB`,
    // a postgresql:// URL's credentials stay out of the report
    `catalog database: ${run.db.replace(
      /\/\/[^@/]*@/,
      '//',
    )}; processingInterval: ${
      run.interval ? `${run.interval} s` : 'default (100-150 s)'
    }; stitching poll: ${
      run.stitchInterval ? `${run.stitchInterval} s` : 'default (1 s)'
    }`,
    catalogLine('floor: trivial provider', floor),
    catalogLine('flux: this module via UrlReader', flux),
    `  provider, first ingestion: ${flux.provider ?? 'no log line'}`,
    `flux / floor: ${(flux.ms / floor.ms).toFixed(2)}x (target <= 1.2)`,
    ...pushLines(flux.pushes, floor.floorChanges),
    'where the catalog spent its time, flux run, first ingestion (summed wall time of concurrent calls):',
    ...breakdownLines(flux),
    'floor run:',
    ...breakdownLines(floor),
  ];
}

async function main() {
  if (process.argv.includes('--child')) {
    const result = await childEngine(
      process.argv[process.argv.indexOf('--child') + 1],
    );
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`);
    return;
  }
  const apps = Number(arg('--apps') ?? 10000);
  const keep = process.argv.includes('--keep');
  const db = arg('--db') ?? 'sqlite-file';
  const interval = arg('--processing-interval');
  const stitchInterval = arg('--stitch-interval');
  const changes = arg('--changes') ?? '3';
  const root = mkdtempSync(nodePath.join(tmpdir(), `bench-catalog-${apps}-`));
  try {
    generateMonorepo(root, apps);
    const engine: EngineResult = runChild('bench-catalog.ts', [
      '--child',
      root,
    ]);
    const say = (line: string) => process.stderr.write(`${line}\n`);
    say(`engine: ${engine.entities} entities in ${seconds(engine.ms)} s`);
    const common = [
      '--root',
      root,
      '--expected',
      String(engine.entities),
      '--db',
      db,
      ...(interval ? ['--interval', interval] : []),
      ...(stitchInterval ? ['--stitch-interval', stitchInterval] : []),
    ];
    // the floor first: the flux run changes apps in the folder
    const floor: CatalogResult = runChild('bench-catalog-backend.ts', [
      '--mode',
      'floor',
      '--changes',
      changes,
      ...common,
    ]);
    say(`floor: ${seconds(floor.ms)} s`);
    const flux: CatalogResult = runChild('bench-catalog-backend.ts', [
      '--mode',
      'flux',
      '--changes',
      changes,
      ...common,
    ]);
    const lines = report({
      apps,
      root: keep ? root : undefined,
      db,
      interval,
      stitchInterval,
      engine,
      floor,
      flux,
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
