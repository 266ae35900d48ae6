/**
 * Gives plain Flux objects (as rendered from a monorepo) the statuses a live
 * cluster would show: mostly Ready, a few Failed with real-looking messages,
 * one suspended, one waiting on a dependency (whose dependency is the one
 * progressing), plus the HelmCharts helm-controller creates, sources with
 * artifacts, Events, Namespaces, and Deployments/Pods with readiness.
 * Deterministic for a given seed and `now`: every step draws from one PRNG
 * in the order below, so reordering steps changes every seeded cluster.
 */
import { cloneJson } from '../clone';
import { ClusterObject } from '../clusterObject';
import { isFluxObject } from '../fluxConditions';
import { assignStates } from './assignStates';
import { ensureSources, isSource } from './ensureSources';
import { failureFor } from './failureModes';
import { id, ns } from './objectIds';
import { revisionFor } from './revisions';
import { createRng } from './rng';
import { SeedContext } from './SeedContext';
import { seedFailed } from './seedFailed';
import { seedInventories } from './seedInventories';
import { seedNamespaces } from './seedNamespaces';
import { seedProgressing } from './seedProgressing';
import { seedReady } from './seedReady';
import { seedSource } from './seedSource';
import { seedSuspended } from './seedSuspended';
import { seedWaiting } from './seedWaiting';
import { seedWorkloads } from './seedWorkloads';
import { seedCoverage } from './seedCoverage';
import { AssignedState, SeedOptions, SeedResult } from './types';

export type {
  RenderFailure,
  SeededState,
  SeedOptions,
  SeededObjectState,
  SeedResult,
} from './types';

/** Writes the status of the state chosen for one applier; a Failed one gets its reason. */
function seedApplier(
  ctx: SeedContext,
  obj: ClusterObject,
  assigned: AssignedState,
) {
  const revision = revisionFor(ctx, obj);
  switch (assigned.state) {
    case 'Failed':
      assigned.reason = seedFailed(ctx, obj, revision, failureFor(ctx, obj));
      break;
    case 'Waiting':
      seedWaiting(ctx, obj, revision, assigned.dependency!);
      break;
    case 'Progressing':
      seedProgressing(ctx, obj, revision);
      break;
    case 'Suspended':
      seedSuspended(ctx, obj, revision);
      break;
    default:
      seedReady(ctx, obj, revision);
  }
}

/** Gives Flux objects realistic statuses (see the module comment). @public */
export function seedFluxStatuses(
  input: ClusterObject[],
  options: SeedOptions = {},
): SeedResult {
  const ctx = new SeedContext(
    createRng(options.seed ?? 1),
    options.now ?? new Date(),
  );
  if (options.commit) ctx.commit = options.commit.toLowerCase();
  const objects = input.map(o => cloneJson(o));
  ctx.inputDeployments = objects.filter(
    o => o.kind === 'Deployment' && o.apiVersion === 'apps/v1',
  );
  for (const obj of objects) {
    obj.metadata = { ...obj.metadata, namespace: ns(obj) };
    if (isFluxObject(obj)) obj.metadata.generation ??= ctx.rng.int(1, 4);
    if (isSource(obj)) ctx.sources.set(id(obj), obj);
  }
  const appliers = objects
    .filter(o => o.kind === 'Kustomization' || o.kind === 'HelmRelease')
    .filter(isFluxObject)
    .sort((a, b) => id(a).localeCompare(id(b)));
  ensureSources(ctx, appliers);
  for (const source of [...ctx.sources.values()]) seedSource(ctx, source);

  for (const f of options.renderFailures ?? []) {
    const applier = appliers.find(
      a =>
        a.kind === 'Kustomization' &&
        ns(a) === f.namespace &&
        a.metadata!.name === f.name,
    );
    if (applier) ctx.renderFailures.set(id(applier), f.message);
  }
  const states = assignStates(
    ctx.rng,
    appliers,
    options.failedShare ?? 0.08,
    new Set(ctx.renderFailures.keys()),
  );
  for (const obj of appliers) seedApplier(ctx, obj, states.get(id(obj))!);
  seedWorkloads(ctx, objects, appliers, states);
  seedNamespaces([...objects, ...ctx.extra], ctx.extra);
  seedInventories(appliers, [...objects, ...ctx.extra]);
  if (options.coverage) seedCoverage(ctx, objects);
  return {
    objects: [...objects, ...ctx.extra, ...ctx.events.events],
    states: appliers.map(o => {
      const s = states.get(id(o))!;
      return {
        kind: o.kind!,
        namespace: ns(o),
        name: o.metadata!.name!,
        state: s.state,
        reason: s.reason,
      };
    }),
  };
}
