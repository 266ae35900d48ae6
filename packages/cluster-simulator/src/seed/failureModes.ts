/**
 * How a Failed applier fails: a HelmRelease's install or upgrade, a
 * Kustomization's build or health check; and which Deployment a failing
 * health check waits for.
 */
import {
  KUSTOMIZE_NAME_LABEL,
  KUSTOMIZE_NAMESPACE_LABEL,
  NamespacedName,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { id, ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { Failure } from './types';

/** Deployments a Kustomization applied, by kustomize-controller's labels. */
function deploymentsAppliedBy(
  ctx: SeedContext,
  obj: ClusterObject,
): ClusterObject[] {
  return ctx.inputDeployments.filter(
    d =>
      d.metadata?.labels?.[KUSTOMIZE_NAME_LABEL] === obj.metadata!.name &&
      d.metadata?.labels?.[KUSTOMIZE_NAMESPACE_LABEL] === ns(obj),
  );
}

/**
 * A Kustomization fails its build only when the engine says its render
 * fails; a drawn failure is a runtime one (health check, Helm install or
 * upgrade), the kind a reconcile may cure.
 */
export function failureFor(ctx: SeedContext, obj: ClusterObject): Failure {
  if (obj.kind === 'HelmRelease') {
    return ctx.rng.pick(['helm-install', 'helm-upgrade'] as const);
  }
  return ctx.renderFailures.has(id(obj)) ? 'build' : 'health';
}

/**
 * The Deployment a failing health check waits for: one the Kustomization
 * applied (by kustomize-controller's labels), else one in its target
 * namespace, else any from the input, else one named after it.
 */
export function unhealthyWorkload(
  ctx: SeedContext,
  obj: ClusterObject,
  target: string,
): NamespacedName {
  const labelled = deploymentsAppliedBy(ctx, obj);
  const inTarget = ctx.inputDeployments.filter(d => ns(d) === target);
  const pool = [labelled, inTarget, ctx.inputDeployments].find(
    p => p.length > 0,
  );
  const chosen = pool ? ctx.rng.pick(pool) : undefined;
  return chosen
    ? { name: chosen.metadata!.name!, namespace: ns(chosen) }
    : { name: obj.metadata!.name!, namespace: target };
}
