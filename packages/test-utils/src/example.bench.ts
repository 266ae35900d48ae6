/*
 * Prints how long the example monorepo's checks take: rendering every
 * kustomization folder with kubectl (one at a time and in parallel) and
 * validating every object (schema + unknown fields). Figures only, no
 * thresholds. Runs under Jest (which resolves the ESM-only models):
 *   yarn workspace @flux-portal/test-utils bench
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXAMPLE_MONOREPO_DIR, findKustomizationDirs } from './exampleRepo';
import { findKubectl } from './kubectl';
import { BuiltObject, kustomizeBuildMany } from './kustomizeBuild';
import { validateKubeObject } from './validateKubeObject';

const print = (line: string) => process.stdout.write(`${line}\n`);
const since = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

// eslint-disable-next-line jest/expect-expect
test('example monorepo benchmark', async () => {
  const kubectl = findKubectl();
  if (!kubectl.path) {
    print(`skipped: ${kubectl.detail}`);
    return;
  }
  const dirs = findKustomizationDirs(EXAMPLE_MONOREPO_DIR).map(d =>
    path.join(EXAMPLE_MONOREPO_DIR, d),
  );
  let t0 = performance.now();
  await kustomizeBuildMany(dirs, { kubectl: kubectl.path, concurrency: 1 });
  print(
    `kubectl kustomize, ${dirs.length} folders, one at a time: ${since(t0)}`,
  );

  t0 = performance.now();
  const results = await kustomizeBuildMany(dirs, { kubectl: kubectl.path });
  print(`kubectl kustomize, ${dirs.length} folders, parallel: ${since(t0)}`);

  const objects = [...results.values()].flatMap(r =>
    r instanceof Error ? [] : r,
  ) as BuiltObject[];
  t0 = performance.now();
  validateKubeObject(objects[0]);
  print(`first validation (loads schemas and declarations): ${since(t0)}`);
  t0 = performance.now();
  const errors = objects.flatMap(o => validateKubeObject(o));
  print(
    `validation of ${objects.length} objects: ${since(t0)} (${
      errors.length
    } errors)`,
  );
}, 600_000);
