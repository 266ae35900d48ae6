import { ClusterObject } from '../clusterObject';
import { ns } from './objectIds';

export function hasDeployment(
  deployments: ClusterObject[],
  namespace: string,
  name: string,
): boolean {
  return deployments.some(
    d => ns(d) === namespace && d.metadata!.name === name,
  );
}
