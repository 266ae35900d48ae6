/**
 * The Deployments appliers own but the input lacks: the one a failing
 * health check waits for, labelled as its Kustomization applied it, and each
 * working HelmRelease's release Deployment, labelled as Helm and
 * helm-controller label it.
 */
import {
  APP_INSTANCE_LABEL,
  APP_MANAGED_BY_LABEL,
  helmReleaseOwnerLabels,
  kustomizationOwnerLabels,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { chartNameOf, releaseNameOf } from '../fluxConditions';
import { hasDeployment } from './hasDeployment';
import { id, ns } from './objectIds';
import { SeedContext } from './SeedContext';
import { AssignedState } from './types';
import { syntheticDeployment } from './workloads';

function ownerOf(obj: ClusterObject) {
  return { namespace: ns(obj), name: obj.metadata!.name! };
}

/** Adds them to `deployments` and returns the unhealthy ones as `namespace/name`. */
export function addAppliedDeployments(
  ctx: SeedContext,
  deployments: ClusterObject[],
  appliers: ClusterObject[],
  states: Map<string, Pick<AssignedState, 'state'>>,
): Set<string> {
  const unhealthy = new Set<string>();
  const add = (dep: ClusterObject) => {
    ctx.extra.push(dep);
    deployments.push(dep);
  };
  for (const obj of appliers) {
    const marker = ctx.unhealthy.get(id(obj));
    if (marker) {
      unhealthy.add(`${marker.namespace}/${marker.name}`);
      if (!hasDeployment(deployments, marker.namespace, marker.name)) {
        add(
          syntheticDeployment(
            marker.name,
            marker.namespace,
            kustomizationOwnerLabels(ownerOf(obj)),
            `registry.example.com/${marker.name}:1.0.0`,
          ),
        );
      }
    }
    if (obj.kind === 'HelmRelease' && states.get(id(obj))?.state !== 'Failed') {
      const name = releaseNameOf(obj);
      const namespace = obj.spec?.targetNamespace ?? ns(obj);
      if (!hasDeployment(deployments, namespace, name)) {
        add(
          syntheticDeployment(
            name,
            namespace,
            {
              [APP_INSTANCE_LABEL]: name,
              [APP_MANAGED_BY_LABEL]: 'Helm',
              ...helmReleaseOwnerLabels(ownerOf(obj)),
            },
            `registry.example.com/${chartNameOf(obj)}:${
              obj.status?.history?.[0]?.appVersion ?? '1.0.0'
            }`,
          ),
        );
      }
    }
  }
  return unhealthy;
}
