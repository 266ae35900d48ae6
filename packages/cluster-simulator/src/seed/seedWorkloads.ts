/**
 * Deployments with readiness and their Pods: the input's, the Flux
 * controllers', and those the appliers own; the one a failing health check
 * waits for is not ready.
 */
import { ClusterObject } from '../clusterObject';
import { addAppliedDeployments } from './appliedDeployments';
import { addFluxControllerDeployments } from './fluxControllerDeployments';
import { ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { minutesAgo } from './seedTime';
import { AssignedState } from './types';
import { deploymentStatus, podsFor } from './workloads';

export function seedWorkloads(
  ctx: SeedContext,
  objects: ClusterObject[],
  appliers: ClusterObject[],
  states: Map<string, Pick<AssignedState, 'state'>>,
) {
  const time = minutesAgo(ctx.now, 120);
  const deployments = objects.filter(
    o => o.kind === 'Deployment' && o.apiVersion === 'apps/v1',
  );
  if (appliers.length > 0) addFluxControllerDeployments(ctx, deployments);
  const unhealthy = addAppliedDeployments(ctx, deployments, appliers, states);
  for (const dep of deployments) {
    dep.metadata!.generation ??= 1;
    const ready = !unhealthy.has(`${ns(dep)}/${dep.metadata!.name}`);
    const hash = ctx.rng.hex(10).replace(/^[0-9]/, 'a');
    dep.status = deploymentStatus(dep, ready, hash, time);
    ctx.extra.push(...podsFor(dep, ready, hash, time, ctx.rng));
  }
}
