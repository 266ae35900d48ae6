/**
 * Annotation and label keys the mapping reads from manifests or writes on
 * entities that `@flux-portal/plugin-flux-common` does not declare; every
 * other key comes from there (or from `@backstage/catalog-model`). Kept in
 * one place so moving them to flux-common is an import change.
 */

/** On a workload, HelmRelease or namespace: the entity's description. */
export const ANNOTATION_DESCRIPTION = 'flux-portal.io/description';
/** On a workload, HelmRelease or namespace: a Component's lifecycle (default `production`). */
export const ANNOTATION_LIFECYCLE = 'flux-portal.io/lifecycle';
/** On a workload, HelmRelease or namespace: the System, always made even for one member. */
export const ANNOTATION_SYSTEM = 'flux-portal.io/system';
/** Written: the unit's Helm chart, `chart` or `chart@version`. */
export const ANNOTATION_CHART = 'flux-portal.io/chart';
/** Written for Backstage's Kubernetes plugin: `app.kubernetes.io/name=<name>`. */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
/** Written for Backstage's Kubernetes plugin when the unit has one namespace. */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';

/** Kubernetes' recommended labels. */
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
