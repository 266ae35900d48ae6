import { usePermission } from '@backstage/plugin-permission-react';
import {
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
} from '@flux-portal/plugin-flux-common';

/** What the signed-in user may do on the entity's Flux objects. @public */
export interface FluxActionPermissions {
  loading: boolean;
  canReconcile: boolean;
  canSuspend: boolean;
}

export function useFluxPermissions(entityRef: string): FluxActionPermissions {
  const reconcile = usePermission({
    permission: fluxEntityReconcilePermission,
    resourceRef: entityRef,
  });
  const suspend = usePermission({
    permission: fluxEntitySuspendPermission,
    resourceRef: entityRef,
  });
  return {
    loading: reconcile.loading || suspend.loading,
    canReconcile: reconcile.allowed,
    canSuspend: suspend.allowed,
  };
}
