/** Object metadata: what manifests write, and what an API server adds. */

/** Metadata as written in a manifest. @public */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * Metadata as an API server serves it: the manifest's fields plus those the
 * server sets. Fields nobody here reads (ownerReferences, finalizers, …) are
 * kept, untyped.
 * @public
 */
export interface KubeObjectMeta extends ObjectMeta {
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  [key: string]: unknown;
}
