/**
 * Deployments with readiness, their current ReplicaSet and one Pod per
 * replica (owner references chained as the API server sets them): the input's, the Flux
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
import {
  deploymentStatus,
  podMetricsFor,
  podsFor,
  replicaSetFor,
} from './workloads';

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
    const replicaSet = replicaSetFor(dep, ready, hash, time, ctx.rng);
    const pods = podsFor(dep, replicaSet, ready, hash, time, ctx.rng);
    ctx.extra.push(
      replicaSet,
      ...pods,
      ...pods.map(pod => podMetricsFor(pod, time, ctx.rng)),
    );
  }
}
