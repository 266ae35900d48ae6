/** A Failed applier: its kind's failure written into its status, and the Warning Event, repeated while it retries. */
import { ClusterObject } from '../clusterObject';
import { failHelmRelease } from './failHelmRelease';
import { failKustomization } from './failKustomization';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { FailedStatus, Failure, Revisions } from './types';

/** Seeds the failure and returns its reason. */
export function seedFailed(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
  failure: Failure,
): string {
  const gen = obj.metadata!.generation!;
  const times = {
    gen,
    since: minutesAgo(ctx.now, ctx.rng.int(20, 600)),
    last: minutesAgo(ctx.now, ctx.rng.int(0, 4)),
  };
  const status: FailedStatus = { observedGeneration: gen, conditions: [] };
  const { reason, message } =
    failure === 'build' || failure === 'health'
      ? failKustomization(ctx, obj, revision, failure, status, times)
      : failHelmRelease(ctx, obj, revision, failure, status, times);
  obj.status = status;
  ctx.events.record(
    obj,
    'Warning',
    reason,
    message,
    times.last,
    ctx.rng.int(3, 40),
    times.since,
  );
  return reason;
}
