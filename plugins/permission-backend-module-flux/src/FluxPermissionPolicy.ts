/**
 * A complete permission policy built on fluxPolicyDecision: Flux Portal's
 * permissions as recommended, everything else decided by `otherwise`
 * (default: allowed, as Backstage's allow-all policy does).
 */
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { fluxPolicyDecision, FluxPolicyOptions } from './fluxPolicyDecision';

/** @public */
export interface FluxPermissionPolicyOptions extends FluxPolicyOptions {
  /** The decision for permissions that are not Flux Portal's. */
  otherwise?: (
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ) => Promise<PolicyDecision>;
}

/** @public */
export class FluxPermissionPolicy implements PermissionPolicy {
  constructor(private readonly options: FluxPermissionPolicyOptions = {}) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return (
      fluxPolicyDecision(request, user, this.options) ??
      (this.options.otherwise
        ? this.options.otherwise(request, user)
        : { result: AuthorizeResult.ALLOW })
    );
  }
}
