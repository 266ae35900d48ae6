/**
 * The decisions a permission policy should make for Flux Portal's
 * permissions, for portals to call from their own policy: everyone signed
 * in may read; reconciling and suspending are allowed to members of the
 * configured admin groups and otherwise conditional on owning the entity
 * (the catalog's IS_ENTITY_OWNER rule, evaluated by the catalog). Any other
 * flux permission is denied, so a new one is never allowed by accident.
 */
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  fluxEntityReadPermission,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
} from '@flux-portal/plugin-flux-common';

/** @public */
export interface FluxPolicyOptions {
  /** Group refs whose members may act on every entity, e.g. `group:default/platform-team`. */
  adminGroups?: string[];
}

/**
 * The decision for a flux permission, or undefined when the permission is
 * not Flux Portal's (the caller's policy decides those).
 * @public
 */
export function fluxPolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: FluxPolicyOptions = {},
): PolicyDecision | undefined {
  const { permission } = request;
  if (!permission.name.startsWith('flux.')) return undefined;
  if (isPermission(permission, fluxEntityReadPermission)) {
    return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
  if (
    isPermission(permission, fluxEntityReconcilePermission) ||
    isPermission(permission, fluxEntitySuspendPermission)
  ) {
    if (!user) return { result: AuthorizeResult.DENY };
    const claims = user.info.ownershipEntityRefs ?? [];
    if (options.adminGroups?.some(group => claims.includes(group))) {
      return { result: AuthorizeResult.ALLOW };
    }
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims },
      },
    };
  }
  return { result: AuthorizeResult.DENY };
}
