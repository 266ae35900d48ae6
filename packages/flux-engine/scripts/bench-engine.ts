/*
 * Engine benchmark: generates monorepos shaped like the seed repository
 * (clusters/<c>/{infrastructure,apps,helm-repositories}.yaml,
 * infrastructure/<x>/..., apps/<svc>/{kustomization.yaml, base/, patches/})
 * with 34, 1,000 and 10,000 apps in a temp folder and prints, per size:
 *
 * - load: loadMonorepo() of the cluster folder, i.e. following the Flux
 *   Kustomizations and rendering every app, in a child process of its own
 *   so its peak RSS (maxRSS) is the load's alone;
 * - floor: reading and YAML-parsing every file once, also in a child;
 * - kubectl: `kubectl kustomize` on a sample of app folders, per app, to
 *   compare with the engine's load time per app.
 *
 * Usage: yarn bench:engine
 *          [--sizes 34,1000,10000] [--sample 20] [--keep]
 * Targets (2 cores): load within 2x the floor; 10,000 apps under 20 s and
 * 1.5 GB; at least 20x faster per app than spawning kustomize. Printed,
 * never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalTree, parseManifests } from '@flux-portal/kustomize';
import {
  GENERATED_CLUSTER,
  generateMonorepo,
} from '@flux-portal/test-utils/generators';
import { loadMonorepo } from '../src/model';

// ---- child measurements ---------------------------------------------------

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = nodePath.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/**
 * The floor: the cheapest way to read and parse every file once, with
 * synchronous reads (no per-file round trips through the thread pool) and
 * the engine's own parser.
 */
async function childFloor(root: string) {
  const start = performance.now();
  const files = listFiles(root).map(file => ({
    file,
    bytes: readFileSync(file),
  }));
  const readMs = performance.now() - start;
  let documents = 0;
  for (const { file, bytes } of files) {
    documents += parseManifests(bytes, file).documents.length;
  }
  return { ms: performance.now() - start, readMs, documents };
}

async function childLoad(root: string) {
  const start = performance.now();
  const model = await loadMonorepo(createLocalTree(root), {
    path: `clusters/${GENERATED_CLUSTER}`,
  });
  return {
    ms: performance.now() - start,
    objects: model.objects.length,
    kustomizations: model.kustomizations.length,
    helmReleases: model.helmReleases.length,
    problems: model.problems.length,
  };
}

function runChild(mode: 'floor' | 'load', root: string) {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const out = execFileSync(
    process.execPath,
    ['-r', transform, __filename, '--child', mode, root],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

function kubectlPerApp(root: string, apps: string[], sample: number) {
  const step = Math.max(1, Math.floor(apps.length / sample));
  const picked = apps.filter((_, i) => i % step === 0).slice(0, sample);
  const start = performance.now();
  for (const svc of picked) {
    const r = spawnSync(
      'kubectl',
      ['kustomize', nodePath.join(root, 'apps', svc)],
      { encoding: 'utf8' },
    );
    if (r.status !== 0)
      throw new Error(`kubectl kustomize apps/${svc} failed: ${r.stderr}`);
  }
  return (performance.now() - start) / picked.length;
}

// ---- report ----------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ');
}

async function main() {
  if (process.argv.includes('--child')) {
    const mode = arg('--child');
    const root = process.argv[process.argv.indexOf('--child') + 2];
    const result =
      mode === 'floor' ? await childFloor(root) : await childLoad(root);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`);
    return;
  }
  const sizes = (arg('--sizes') ?? '34,1000,10000').split(',').map(Number);
  const sample = Number(arg('--sample') ?? 20);
  const keep = process.argv.includes('--keep');
  const rows: string[][] = [];
  for (const size of sizes) {
    const root = mkdtempSync(nodePath.join(tmpdir(), `bench-engine-${size}-`));
    try {
      const apps = generateMonorepo(root, size);
      const floor = runChild('floor', root);
      const load = runChild('load', root);
      const kubectl = kubectlPerApp(root, apps, Math.min(sample, size));
      const perApp = load.ms / size;
      rows.push([
        String(size),
        String(floor.documents),
        String(load.objects),
        String(load.problems),
        (load.ms / 1000).toFixed(2),
        (floor.ms / 1000).toFixed(2),
        (floor.readMs / 1000).toFixed(2),
        (load.ms / floor.ms).toFixed(2),
        load.maxRssMb.toFixed(0),
        perApp.toFixed(2),
        kubectl.toFixed(1),
        (kubectl / perApp).toFixed(0),
      ]);
      process.stderr.write(`done: ${size} apps${keep ? ` in ${root}` : ''}\n`);
    } finally {
      if (!keep) rmSync(root, { recursive: true, force: true });
    }
  }
  const headers = [
    'apps',
    'docs',
    'objects',
    'problems',
    'load s',
    'floor s',
    'of which read s',
    'load/floor',
    'peak RSS MB',
    'ms/app',
    'kubectl ms/app',
    'speedup',
  ];
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const lines = [
    pad(headers, widths),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.map(r => pad(r, widths)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    'targets (2 cores): load/floor <= 2; 10000 apps: load < 20 s, peak RSS < 1536 MB; speedup >= 20\n',
  );
}

if (require.main === module) {
  main().catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
