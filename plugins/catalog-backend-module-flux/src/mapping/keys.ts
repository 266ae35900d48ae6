/**
 * Kubernetes' recommended labels the mapping reads from manifests, which
 * `@flux-portal/plugin-flux-common` does not declare (yet); every annotation
 * key comes from there (or from `@backstage/catalog-model`).
 */
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
