/**
 * Readiness of a workload from the Deployment cache, the way kstatus judges
 * a Deployment: the controller observed the latest generation and every
 * desired replica is updated and available.
 */
import { ClusterObjects } from './types';

export function workloadReadiness(
  view: ClusterObjects,
  kind: string,
  namespace: string,
  name: string,
): { ready?: boolean; readyMessage?: string } {
  if (kind !== 'Deployment') return {};
  const deployment: any = view.get('Deployment', namespace, name);
  if (!deployment)
    return { ready: false, readyMessage: 'not found in the cluster' };
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const ready = status.readyReplicas ?? 0;
  const available = status.availableReplicas ?? ready;
  const updated = status.updatedReplicas ?? ready;
  const observed =
    (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);
  return {
    ready:
      observed &&
      ready >= desired &&
      available >= desired &&
      updated >= desired,
    readyMessage: `${ready}/${desired} ready`,
  };
}
