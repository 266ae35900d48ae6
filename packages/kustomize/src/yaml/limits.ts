/**
 * Alias expansions allowed per document. Real manifests use a handful of
 * anchors; "billion laughs" documents need thousands.
 * @public
 */
export const MAX_ALIAS_COUNT = 100;

/** Deepest nesting accepted; Kubernetes objects rarely pass 20 levels. @public */
export const MAX_NESTING_DEPTH = 64;
