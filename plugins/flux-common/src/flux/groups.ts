/**
 * The API groups of Flux's controllers, and the versions of the groups the
 * portal reads from repositories. Versions are listed newest first; older
 * ones are still served by Flux releases people run, so all of them are
 * accepted when reading a repo.
 */

/** source-controller: GitRepository, OCIRepository, HelmRepository, HelmChart, Bucket. @public */
export const SOURCE_GROUP = 'source.toolkit.fluxcd.io';
/** kustomize-controller: Kustomization. @public */
export const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
/** helm-controller: HelmRelease. @public */
export const HELM_GROUP = 'helm.toolkit.fluxcd.io';
/** notification-controller: Alert, Provider, Receiver. @public */
export const NOTIFICATION_GROUP = 'notification.toolkit.fluxcd.io';
/**
 * image-reflector-controller (ImageRepository, ImagePolicy) and
 * image-automation-controller (ImageUpdateAutomation): one group for both.
 * @public
 */
export const IMAGE_GROUP = 'image.toolkit.fluxcd.io';
/** source-watcher (Flux ≥ 2.7): ArtifactGenerator. @public */
export const SOURCE_EXTENSIONS_GROUP = 'source.extensions.fluxcd.io';

/** Every Flux API group. @public */
export const FLUX_GROUPS = [
  SOURCE_GROUP,
  KUSTOMIZE_GROUP,
  HELM_GROUP,
  NOTIFICATION_GROUP,
  IMAGE_GROUP,
  SOURCE_EXTENSIONS_GROUP,
] as const;

/** @public */
export type FluxGroup = (typeof FLUX_GROUPS)[number];

/**
 * The groups whose objects the portal reads and shows the status of:
 * sources, Kustomizations and HelmReleases.
 * @public
 */
export const PORTAL_FLUX_GROUPS: readonly string[] = [
  KUSTOMIZE_GROUP,
  HELM_GROUP,
  SOURCE_GROUP,
];

/** @public */
export const KUSTOMIZATION_VERSIONS = ['v1', 'v1beta2', 'v1beta1'] as const;
/** @public */
export const HELM_RELEASE_VERSIONS = ['v2', 'v2beta2', 'v2beta1'] as const;
/** @public */
export const SOURCE_VERSIONS = ['v1', 'v1beta2', 'v1beta1'] as const;
