/*
 * Benchmark-only instrumentation of the catalog backend's processing loop:
 * wraps a few internal functions of @backstage/plugin-catalog-backend (its
 * dist files, looked up by path because they are not public API) to sum how
 * often they run and their wall time, so the benchmark can say where the
 * catalog spends its time (processors, processing writes, stitching).
 * Concurrent calls overlap, so the sums are load indicators, not a partition.
 */
import * as nodePath from 'node:path';

interface Counter {
  calls: number;
  ms: number;
}

const counters = new Map<string, Counter>();
const stitchesByRef = new Map<string, number>();

function wrap(
  target: any,
  property: string,
  label: string,
  onCall?: (args: any[]) => void,
) {
  const original = target[property];
  if (typeof original !== 'function')
    throw new Error(`catalog internals changed: ${label} is not a function`);
  const counter = { calls: 0, ms: 0 };
  counters.set(label, counter);
  target[property] = async function timed(this: unknown, ...args: any[]) {
    onCall?.(args);
    const start = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      counter.calls++;
      counter.ms += performance.now() - start;
    }
  };
}

export function instrumentCatalog() {
  const dist = nodePath.dirname(
    require.resolve('@backstage/plugin-catalog-backend'),
  );
  const load = (file: string) => require(nodePath.join(dist, file));
  const orchestrator = load(
    'processing/DefaultCatalogProcessingOrchestrator.cjs.js',
  ).DefaultCatalogProcessingOrchestrator;
  const processingDb = load(
    'database/DefaultProcessingDatabase.cjs.js',
  ).DefaultProcessingDatabase;
  wrap(orchestrator.prototype, 'process', 'processors (orchestrator.process)');
  wrap(
    processingDb.prototype,
    'getProcessableEntities',
    'load processable entities',
  );
  wrap(processingDb.prototype, 'listParents', 'listParents');
  wrap(
    processingDb.prototype,
    'updateProcessedEntity',
    'write processed entity + relations',
  );
  wrap(
    processingDb.prototype,
    'addUnprocessedEntities',
    'write deferred entities',
  );
  wrap(
    load('database/operations/stitcher/markForStitching.cjs.js'),
    'markForStitching',
    'markForStitching',
  );
  wrap(
    load('database/operations/stitcher/performStitching.cjs.js'),
    'performStitching',
    'stitching (performStitching)',
    ([o]) => {
      stitchesByRef.set(o.entityRef, (stitchesByRef.get(o.entityRef) ?? 0) + 1);
    },
  );
}

export function catalogBreakdown() {
  const repeated = [...stitchesByRef].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {
    timings: Object.fromEntries(
      [...counters].map(([label, c]) => [
        label,
        { calls: c.calls, ms: Math.round(c.ms) },
      ]),
    ),
    mostStitched: Object.fromEntries(repeated),
    stitchedEntities: stitchesByRef.size,
  };
}
