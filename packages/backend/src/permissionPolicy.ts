/*
 * The portal's permission policy: Flux Portal's permissions as
 * FluxPermissionPolicy decides them (everyone signed in reads Flux status;
 * reconcile and suspend/resume for the entity's owners and members of
 * `flux.adminGroups`), everything else allowed, as the allow-all policy this
 * replaces did; tighten `otherwise` for production.
 */
import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { FluxPermissionPolicy } from '@flux-portal/plugin-flux-backend';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'flux-portal-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new FluxPermissionPolicy({
            adminGroups:
              config.getOptionalStringArray('flux.adminGroups') ?? [],
          }),
        );
      },
    });
  },
});
