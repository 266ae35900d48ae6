/**
 * A HelmRelease whose install or upgrade failed: Ready and Released False
 * with helm-controller's message; a failed install is Stalled after its one
 * attempt, a failed upgrade keeps retrying with the previous release
 * deployed underneath.
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
  KubeCondition,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { chartNameOf, condition, releaseNameOf } from '../fluxConditions';
import { helmHistory } from './helmHistory';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { FailedStatus, FailureTimes, Revisions } from './types';

export function failHelmRelease(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
  failure: 'helm-install' | 'helm-upgrade',
  status: FailedStatus,
  { gen, since, last }: FailureTimes,
): { reason: string; message: string } {
  const target = obj.spec?.targetNamespace ?? ns(obj);
  const chart = chartNameOf(obj);
  const release = `${target}/${releaseNameOf(obj)}`;
  let reason: string;
  let message: string;
  // What the controller does next: give up (install) or retry (upgrade).
  let next: KubeCondition;
  status.lastAttemptedRevision = revision.current;
  status.lastAttemptedGeneration = gen;
  if (failure === 'helm-install') {
    reason = Reason.InstallFailed;
    message = `Helm install failed for release ${release} with chart ${chart}@${revision.current}: context deadline exceeded`;
    status.history = helmHistory(
      ctx,
      obj,
      revision.current,
      1,
      'failed',
      since,
    );
    status.installFailures = 1;
    status.lastAttemptedReleaseAction = 'install';
    next = condition(
      Condition.Stalled,
      'True',
      Reason.RetriesExceeded,
      'Failed to install after 1 attempt(s)',
      since,
      gen,
    );
  } else {
    reason = Reason.UpgradeFailed;
    message = `Helm upgrade failed for release ${release} with chart ${chart}@${
      revision.current
    }: cannot patch "${releaseNameOf(
      obj,
    )}" with kind Deployment: Deployment.apps "${releaseNameOf(
      obj,
    )}" is invalid: spec.template.spec.containers[0].image: Required value`;
    const history = helmHistory(
      ctx,
      obj,
      revision.previous,
      3,
      'deployed',
      minutesAgo(ctx.now, 60 * 24 * 2),
    );
    history.unshift({
      ...history[0],
      version: 4,
      status: 'failed',
      chartVersion: revision.current,
      lastDeployed: since,
    });
    history[1] = { ...history[1], status: 'deployed' };
    status.history = history.slice(0, 4);
    status.upgradeFailures = ctx.rng.int(1, 3);
    status.lastAttemptedReleaseAction = 'upgrade';
    next = condition(
      Condition.Reconciling,
      'True',
      Reason.ProgressingWithRetry,
      `Retrying upgrade of release ${release} (attempt ${
        status.upgradeFailures + 1
      })`,
      last,
      gen,
    );
  }
  status.conditions.push(
    condition(Condition.Ready, 'False', reason, message, since, gen),
    condition(Condition.Released, 'False', reason, message, since, gen),
    next,
  );
  return { reason, message };
}
