/*
 * The portal's permission policy. Flux Portal's permissions follow
 * fluxPolicyDecision: everyone signed in reads Flux status; reconcile and
 * suspend/resume are for the entity's owners and members of
 * `flux.adminGroups`. Everything else is allowed, as the allow-all policy
 * this replaces did; tighten it here for production.
 */
import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { fluxPolicyDecision } from '@flux-portal/plugin-flux-backend';

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'flux-portal-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const adminGroups =
          config.getOptionalStringArray('flux.adminGroups') ?? [];
        policy.setPolicy({
          async handle(
            request: PolicyQuery,
            user?: PolicyQueryUser,
          ): Promise<PolicyDecision> {
            return (
              fluxPolicyDecision(request, user, { adminGroups }) ?? {
                result: AuthorizeResult.ALLOW,
              }
            );
          },
        });
      },
    });
  },
});
