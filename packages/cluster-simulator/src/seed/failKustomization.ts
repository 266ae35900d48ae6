/**
 * A Kustomization that failed its build or health check: Ready=False with
 * kustomize-controller's message, Reconciling with ProgressingWithRetry, the
 * previous revision still applied (drift against the source).
 */
import {
  FluxConditionReason as Reason,
  FluxConditionType as Condition,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { condition } from '../fluxConditions';
import { unhealthyWorkload } from './failureModes';
import { id, ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { FailedStatus, FailureTimes, Revisions } from './types';

export function failKustomization(
  ctx: SeedContext,
  obj: ClusterObject,
  revision: Revisions,
  failure: 'build' | 'health',
  status: FailedStatus,
  { gen, since, last }: FailureTimes,
): { reason: string; message: string } {
  const target = obj.spec?.targetNamespace ?? ns(obj);
  let reason: string;
  let message: string;
  if (failure === 'build') {
    reason = Reason.BuildFailed;
    // the engine's own words for why the render fails
    message = `kustomize build failed: ${
      ctx.renderFailures.get(id(obj)) ?? 'render failed'
    }`;
  } else {
    reason = Reason.HealthCheckFailed;
    const workload = unhealthyWorkload(ctx, obj, target);
    ctx.unhealthy.set(id(obj), workload);
    message = `health check failed after 5m0.${ctx.rng.int(
      100,
      999,
    )}s: timeout waiting for: [Deployment/${workload.namespace}/${
      workload.name
    } status: 'InProgress']`;
    status.conditions.push(
      condition(
        Condition.Healthy,
        'False',
        Reason.HealthCheckFailed,
        message,
        since,
        gen,
      ),
    );
  }
  status.lastAppliedRevision = revision.previous;
  status.lastAttemptedRevision = revision.current;
  status.conditions.unshift(
    condition(Condition.Ready, 'False', reason, message, since, gen),
  );
  status.conditions.push(
    condition(
      Condition.Reconciling,
      'True',
      Reason.ProgressingWithRetry,
      `Detecting drift for revision ${revision.current} with a timeout of 5m0s`,
      last,
      gen,
    ),
  );
  return { reason, message };
}
