/**
 * Flux Portal's permission policy as a permission backend module: every
 * signed-in user may read Flux status; reconcile, suspend and resume are for
 * the entity's owners and members of `flux.adminGroups`; any other flux
 * permission is denied and everything else allowed (or decided by your
 * `otherwise`). For your own policy, use fluxPolicyDecision inside it.
 *
 * @packageDocumentation
 */
import { createFluxPermissionPolicyModule } from './fluxPermissionPolicyModule';

/**
 * The policy with its defaults: `backend.add(import('@flux-portal/plugin-permission-backend-module-flux'))`.
 * @public
 */
export default createFluxPermissionPolicyModule();

export { createFluxPermissionPolicyModule } from './fluxPermissionPolicyModule';
export { FluxPermissionPolicy } from './FluxPermissionPolicy';
export type { FluxPermissionPolicyOptions } from './FluxPermissionPolicy';
export { fluxPolicyDecision } from './fluxPolicyDecision';
export type { FluxPolicyOptions } from './fluxPolicyDecision';
export { readFluxAdminGroups } from './readFluxAdminGroups';
