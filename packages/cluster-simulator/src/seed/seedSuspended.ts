/**
 * A suspended applier. Flux leaves the status of a suspended object as its
 * last reconciliation left it: Ready from days ago, on the previous release.
 */
import {
  FluxConditionType as Condition,
  RECONCILE_REQUESTED_AT_ANNOTATION,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { readySuccess, succeeded } from '../fluxConditions';
import { keepPreviousRelease } from './helmHistory';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { Revisions } from './types';

export function seedSuspended(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
) {
  obj.spec = { ...obj.spec, suspend: true };
  const gen = obj.metadata!.generation!;
  const readyAt = minutesAgo(ctx.now, 60 * 24 * 3);
  const ready = readySuccess(obj, revision.previous, 2);
  obj.status = {
    observedGeneration: gen,
    lastHandledReconcileAt: readyAt,
    conditions: [succeeded(Condition.Ready, ready, readyAt, gen)],
  };
  obj.metadata!.annotations = {
    ...obj.metadata!.annotations,
    [RECONCILE_REQUESTED_AT_ANNOTATION]: readyAt,
  };
  keepPreviousRelease(ctx, obj, revision.previous, readyAt);
}
