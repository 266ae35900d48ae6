/**
 * Labels the Flux controllers put on the objects they apply, naming the
 * Kustomization or HelmRelease that owns them. The portal reads them to find
 * what a Flux object applied (and kustomize-controller's inventory is built
 * from the same ownership).
 */
import { NamespacedName } from '../kube/NamespacedName';

/** kustomize-controller: name of the Kustomization that applied the object. @public */
export const KUSTOMIZE_NAME_LABEL = 'kustomize.toolkit.fluxcd.io/name';
/** kustomize-controller: namespace of the Kustomization that applied the object. @public */
export const KUSTOMIZE_NAMESPACE_LABEL =
  'kustomize.toolkit.fluxcd.io/namespace';
/** helm-controller: name of the HelmRelease whose release holds the object. @public */
export const HELM_NAME_LABEL = 'helm.toolkit.fluxcd.io/name';
/** helm-controller: namespace of the HelmRelease whose release holds the object. @public */
export const HELM_NAMESPACE_LABEL = 'helm.toolkit.fluxcd.io/namespace';

/** The labels kustomize-controller puts on what a Kustomization applies. @public */
export function kustomizationOwnerLabels(
  owner: NamespacedName,
): Record<string, string> {
  return {
    [KUSTOMIZE_NAME_LABEL]: owner.name,
    [KUSTOMIZE_NAMESPACE_LABEL]: owner.namespace,
  };
}

/** The labels helm-controller puts on what a HelmRelease's release holds. @public */
export function helmReleaseOwnerLabels(
  owner: NamespacedName,
): Record<string, string> {
  return {
    [HELM_NAME_LABEL]: owner.name,
    [HELM_NAMESPACE_LABEL]: owner.namespace,
  };
}
