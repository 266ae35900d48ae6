/** An applier waiting for a dependency: Ready=False DependencyNotReady, the previous release still in place. */
import { FluxConditionReason as Reason } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { dependencyNotReady } from '../fluxConditions';
import { keepPreviousRelease } from './helmHistory';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { Revisions } from './types';

export function seedWaiting(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
  dependency: string,
) {
  const gen = obj.metadata!.generation!;
  const time = minutesAgo(ctx.now, ctx.rng.int(1, 5));
  const waiting = dependencyNotReady(dependency, time, gen);
  obj.status = { observedGeneration: gen, conditions: [waiting] };
  keepPreviousRelease(ctx, obj, revision.previous, minutesAgo(ctx.now, 600));
  ctx.events.record(
    obj,
    'Normal',
    Reason.DependencyNotReady,
    waiting.message!,
    time,
    ctx.rng.int(2, 12),
  );
}
