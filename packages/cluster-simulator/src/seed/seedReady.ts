/**
 * A Ready applier: Ready=True from its last run (plus Released for a
 * HelmRelease, Healthy for a Kustomization), the revision applied, a handled
 * reconcile request and the success Event.
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
  RECONCILE_REQUESTED_AT_ANNOTATION,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import {
  condition,
  goDuration,
  readySuccess,
  succeeded,
} from '../fluxConditions';
import { helmHistory } from './helmHistory';
import { SeedContext } from './SeedContext';
import { intervalMinutes, minutesAgo } from './seedTime';
import { Revisions } from './types';

export function seedReady(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Pick<Revisions, 'current'>,
) {
  const { rng, now } = ctx;
  const gen = obj.metadata!.generation!;
  const interval = intervalMinutes(obj);
  const handled = minutesAgo(now, rng.int(0, Math.max(1, interval - 1)));
  // kustomize-controller turns Ready Unknown and back on every run, so its
  // Ready time is the last run; the others keep the time of the last change.
  const readyAt =
    obj.kind === 'Kustomization'
      ? minutesAgo(now, rng.int(0, Math.max(1, interval - 1)))
      : minutesAgo(now, rng.int(60, 60 * 24 * 7));
  obj.metadata!.annotations = {
    ...obj.metadata!.annotations,
    [RECONCILE_REQUESTED_AT_ANNOTATION]: handled,
  };
  const releases = rng.int(1, 6);
  const ready = readySuccess(obj, revision.current, releases);
  const status: any = {
    observedGeneration: gen,
    lastHandledReconcileAt: handled,
    conditions: [succeeded(Condition.Ready, ready, readyAt, gen)],
  };
  if (obj.kind === 'HelmRelease') {
    status.conditions.push(succeeded(Condition.Released, ready, readyAt, gen));
    status.history = helmHistory(
      ctx,
      obj,
      revision.current,
      releases,
      'deployed',
      readyAt,
    );
    status.lastAttemptedRevision = revision.current;
    status.lastAttemptedGeneration = gen;
    status.lastAttemptedConfigDigest = status.history[0].configDigest;
    status.lastAttemptedReleaseAction = releases > 1 ? 'upgrade' : 'install';
    ctx.events.record(obj, 'Normal', ready.reason, ready.message, readyAt);
  } else {
    status.lastAppliedRevision = revision.current;
    status.lastAttemptedRevision = revision.current;
    status.conditions.push(
      condition(
        Condition.Healthy,
        'True',
        Reason.Succeeded,
        'Health check passed',
        readyAt,
        gen,
      ),
    );
    ctx.events.record(
      obj,
      'Normal',
      Reason.ReconciliationSucceeded,
      `Reconciliation finished in ${rng.int(1, 9)}.${rng.int(
        100,
        999,
      )}s, next run in ${goDuration(obj.spec?.interval)}`,
      handled,
    );
  }
  obj.status = status;
}
