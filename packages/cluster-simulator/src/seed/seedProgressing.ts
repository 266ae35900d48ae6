/**
 * An applier mid-reconciliation: a spec change the controller has not
 * observed yet (observedGeneration one behind), Reconciling=True and
 * Ready=Unknown, the previous release still in place.
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { condition } from '../fluxConditions';
import { keepPreviousRelease } from './helmHistory';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { Revisions } from './types';

export function seedProgressing(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
) {
  const gen = Math.max(2, obj.metadata!.generation!);
  obj.metadata!.generation = gen;
  const time = minutesAgo(ctx.now, 0);
  const message = 'Reconciliation in progress';
  obj.status = {
    // The controller has not caught up with the latest spec yet.
    observedGeneration: gen - 1,
    lastAttemptedRevision: revision.current,
    conditions: [
      condition(
        Condition.Reconciling,
        'True',
        Reason.Progressing,
        message,
        time,
        gen,
      ),
      condition(
        Condition.Ready,
        'Unknown',
        Reason.Progressing,
        message,
        time,
        gen,
      ),
    ],
  };
  keepPreviousRelease(ctx, obj, revision.previous, minutesAgo(ctx.now, 300));
  ctx.events.record(
    obj,
    'Normal',
    Reason.Progressing,
    `${obj.kind === 'Kustomization' ? 'Deployment' : 'HelmChart'}/${ns(obj)}/${
      obj.metadata!.name
    } configured`,
    time,
  );
}
