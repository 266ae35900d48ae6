/** The Flux controllers' own Deployments, as `flux install` creates them in flux-system. */
import {
  APP_COMPONENT_LABEL,
  APP_PART_OF_LABEL,
  FLUX_PART_OF_VALUE,
  FLUX_SYSTEM_NAMESPACE,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { hasDeployment } from './hasDeployment';
import { SeedContext } from './SeedContext';
import { syntheticDeployment } from './workloads';

/** The controllers and versions of the Flux release the simulated cluster runs. */
const FLUX_CONTROLLERS = [
  { name: 'helm-controller', version: 'v1.1.0' },
  { name: 'kustomize-controller', version: 'v1.4.0' },
  { name: 'notification-controller', version: 'v1.4.0' },
  { name: 'source-controller', version: 'v1.4.1' },
];

/** Adds the controllers a cluster with Flux objects runs, unless the input has them. */
export function addFluxControllerDeployments(
  ctx: SeedContext,
  deployments: ClusterObject[],
) {
  for (const controller of FLUX_CONTROLLERS) {
    if (hasDeployment(deployments, FLUX_SYSTEM_NAMESPACE, controller.name))
      continue;
    const dep = syntheticDeployment(
      controller.name,
      FLUX_SYSTEM_NAMESPACE,
      {
        [APP_PART_OF_LABEL]: FLUX_PART_OF_VALUE,
        [APP_COMPONENT_LABEL]: controller.name,
      },
      `ghcr.io/fluxcd/${controller.name}:${controller.version}`,
    );
    ctx.extra.push(dep);
    deployments.push(dep);
  }
}
