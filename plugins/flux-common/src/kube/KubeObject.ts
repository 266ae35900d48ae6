import { KubeObjectMeta } from './ObjectMeta';

/**
 * Any Kubernetes object as plain JSON (a manifest document, or what an API
 * server serves). Only the fields every object has are typed; `spec` and
 * `status` are `unknown` unless the reader knows the kind and says so with
 * the type parameters.
 * @public
 */
export interface KubeObject<Spec = unknown, Status = unknown> {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeObjectMeta;
  spec?: Spec;
  status?: Status;
  [key: string]: unknown;
}
