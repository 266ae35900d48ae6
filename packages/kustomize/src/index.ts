/**
 * Kustomize v5 in-process: file trees confined to a root, YAML manifests with
 * their positions, and `kustomize build`. Knows nothing of Flux or Backstage.
 *
 * @packageDocumentation
 */

export * from './problems';
export * from './tree';
export * from './yaml';
export * from './kustomize';
