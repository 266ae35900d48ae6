/**
 * Permissions of the Flux status backend. Reading, reconciling and
 * suspending/resuming are separate so a policy can let people see everything
 * but act only on what they own. All are resource permissions on catalog
 * entities, so conditional decisions (e.g. "is entity owner") apply.
 */
import { createPermission } from '@backstage/plugin-permission-common';

// Same value as @backstage/plugin-catalog-common's RESOURCE_TYPE_CATALOG_ENTITY;
// repeated to keep this isomorphic package free of the catalog plugin.
const CATALOG_ENTITY = 'catalog-entity';

/** See an entity's Flux objects and their state. @public */
export const fluxEntityReadPermission = createPermission({
  name: 'flux.entity.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY,
});

/** Ask Flux to reconcile an entity's Kustomization/HelmRelease (optionally its source). @public */
export const fluxEntityReconcilePermission = createPermission({
  name: 'flux.entity.reconcile',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY,
});

/** Suspend or resume an entity's Kustomization/HelmRelease. @public */
export const fluxEntitySuspendPermission = createPermission({
  name: 'flux.entity.suspend',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY,
});

/** Every Flux Portal permission, for the permission integration router. @public */
export const fluxPermissions = [
  fluxEntityReadPermission,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
];
