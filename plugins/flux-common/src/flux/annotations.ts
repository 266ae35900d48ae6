/**
 * Annotations Flux documents for people and tools to set: on Flux objects
 * to request work from a controller, and on the objects a Kustomization
 * applies to change how kustomize-controller treats them.
 */

/**
 * On any Flux object: a new value (Flux's CLI writes an RFC 3339 time)
 * requests a reconciliation now. The controller copies it to
 * `status.lastHandledReconcileAt` when it has handled the request.
 * @public
 */
export const RECONCILE_REQUESTED_AT_ANNOTATION =
  'reconcile.fluxcd.io/requestedAt';

/**
 * On a HelmRelease, set to the same value as requestedAt: forces a one-off
 * install or upgrade (`flux reconcile hr --force`).
 * @public
 */
export const RECONCILE_FORCE_AT_ANNOTATION = 'reconcile.fluxcd.io/forceAt';

/**
 * On a HelmRelease, set to the same value as requestedAt: resets the
 * install/upgrade failure counts (`flux reconcile hr --reset`).
 * @public
 */
export const RECONCILE_RESET_AT_ANNOTATION = 'reconcile.fluxcd.io/resetAt';

/**
 * On an object a Kustomization applies: `disabled` makes kustomize-controller
 * leave it alone after it exists (no updates, no drift correction).
 * @public
 */
export const KUSTOMIZE_RECONCILE_ANNOTATION =
  'kustomize.toolkit.fluxcd.io/reconcile';

/**
 * On an object a Kustomization applies: `disabled` skips the postBuild
 * variable substitution for that object.
 * @public
 */
export const KUSTOMIZE_SUBSTITUTE_ANNOTATION =
  'kustomize.toolkit.fluxcd.io/substitute';

/** The value that turns off what the two annotations above control. @public */
export const DISABLED_VALUE = 'disabled';
