/*
 * Catalog benchmark: generates a seed-shaped monorepo (`generateMonorepo` of
 * @flux-portal/test-utils, as the engine benchmark: clusters/contour, 21 infrastructure
 * components, N apps with base/ + patches/) in a temp folder and measures,
 * each in a child process of its own so its peak RSS (maxRSS) is its alone:
 *
 * - engine: ingestMonorepo() = loadMonorepo + CODEOWNERS + monorepoToEntities,
 *   i.e. what the provider computes before handing entities to the catalog;
 * - catalog: a real catalog backend (Backstage's test backend with the
 *   catalog plugin and this module, SQLite in a file) with one provider
 *   pointed at the folder, from backend start until the catalog API counts
 *   every entity as processed (final entities = the engine's entity count),
 *   with a breakdown of where the catalog spent its time (catalogBreakdown.ts).
 *
 * --db: sqlite-file (default; better-sqlite3 files, a file sync per catalog
 * transaction), sqlite-memory (the usual local-dev setup), or a
 * postgresql:// URL (production's database; a fresh database per run).
 * The catalog child is bench-catalog-backend.ts.
 *
 * Usage: yarn bench:catalog [--apps 10000] [--db sqlite-file|sqlite-memory|postgresql://…]
 *        [--processing-interval SECONDS] [--keep]
 *        (--apps 1000 for a quick check)
 * Target: catalog time within 2x the engine time. Printed, never asserted.
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
  breakdown: {
    timings: Record<string, { calls: number; ms: number }>;
    stitchedEntities: number;
    mostStitched: unknown;
  };
}

const seconds = (ms: number, digits = 2) => (ms / 1000).toFixed(digits);

/** The printed report: both measurements, their ratio and the catalog's breakdown. */
function report(run: {
  apps: number;
  root?: string;
  db: string;
  interval?: string;
  engine: EngineResult;
  catalog: CatalogResult;
}): string[] {
  const { engine, catalog } = run;
  return [
    `apps: ${run.apps}${run.root ? ` (repository kept in ${run.root})` : ''}`,
    `entities: ${engine.entities} (engine problems: ${engine.problems}); processed by the catalog: ${catalog.entities}`,
    `engine (ingestMonorepo): ${seconds(
      engine.ms,
    )} s, peak RSS ${engine.maxRssMb.toFixed(0)} MB`,
    // a postgresql:// URL's credentials stay out of the report
    `catalog database: ${run.db.replace(
      /\/\/[^@/]*@/,
      '//',
    )}; processingInterval: ${
      run.interval ? `${run.interval} s` : 'default (100-150 s)'
    }`,
    `catalog (backend start to all entities processed): ${seconds(
      catalog.ms,
    )} s` +
      ` (first entity after ${seconds(
        catalog.firstMs ?? 0,
      )} s), peak RSS ${catalog.maxRssMb.toFixed(0)} MB`,
    `catalog / engine: ${(catalog.ms / engine.ms).toFixed(2)}x (target <= 2)`,
    'where the catalog spent its time (summed wall time of concurrent calls):',
    ...Object.entries(catalog.breakdown.timings).map(
      ([label, t]) => `  ${label}: ${t.calls} calls, ${seconds(t.ms, 1)} s`,
    ),
    `  stitched ${
      catalog.breakdown.stitchedEntities
    } entities; most stitched: ${JSON.stringify(
      catalog.breakdown.mostStitched,
    )}`,
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
  const root = mkdtempSync(nodePath.join(tmpdir(), `bench-catalog-${apps}-`));
  try {
    generateMonorepo(root, apps);
    const engine: EngineResult = runChild('bench-catalog.ts', [
      '--child',
      root,
    ]);
    process.stderr.write(
      `engine: ${engine.entities} entities in ${seconds(
        engine.ms,
      )} s; starting the catalog\n`,
    );
    const catalog: CatalogResult = runChild('bench-catalog-backend.ts', [
      root,
      String(engine.entities),
      db,
      ...(interval ? [interval] : []),
    ]);
    const lines = report({
      apps,
      root: keep ? root : undefined,
      db,
      interval,
      engine,
      catalog,
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
