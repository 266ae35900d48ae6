/**
 * A permission backend module installing FluxPermissionPolicy, with the
 * admin groups from `flux.adminGroups`: how a portal (and the tests and
 * benchmark) adopt Flux Portal's recommended decisions in one line.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  FluxPermissionPolicy,
  FluxPermissionPolicyOptions,
} from './FluxPermissionPolicy';
import { readFluxAdminGroups } from './readFluxAdminGroups';

/** @public */
export function createFluxPermissionPolicyModule(
  options: Pick<FluxPermissionPolicyOptions, 'otherwise'> = {},
) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'flux-portal-policy',
    register(env) {
      env.registerInit({
        deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
        async init({ policy, config }) {
          policy.setPolicy(
            new FluxPermissionPolicy({
              adminGroups: readFluxAdminGroups(config),
              otherwise: options.otherwise,
            }),
          );
        },
      });
    },
  });
}
