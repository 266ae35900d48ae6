/**
 * Test helpers for Flux Portal: real `kubectl kustomize` builds, schema
 * validation of Kubernetes, Flux, cert-manager and Istio objects, and the
 * seed monorepo map as data.
 *
 * @packageDocumentation
 */
export { findKubectl } from './kubectl';
export type { KubectlLookup } from './kubectl';
export {
  kustomizeBuild,
  kustomizeBuildAsync,
  kustomizeBuildMany,
} from './kustomizeBuild';
export type { BuiltObject } from './kustomizeBuild';
export { validateKubeObject, knownKinds } from './validateKubeObject';
export { findUnknownFields } from './unknownFields';
export { parseSeedMap, seedEdges, INFRA_FOLDERS } from './seedMap';
export type {
  SeedMap,
  SeedNode,
  SeedNodeKind,
  SeedGroup,
  SeedArrow,
  SeedArrowCategory,
  SeedEdge,
  SeedEndpoint,
} from './seedMap';
export {
  EXAMPLE_MONOREPO_DIR,
  loadExampleSeedMap,
  findKustomizationDirs,
} from './exampleRepo';
export * from './generators';
export { writeTempTree } from './writeTempTree';
export { git } from './git';
export {
  clusterEntry,
  fluxKustomization,
  kustomization,
  namespace,
  service,
} from './monorepoFiles';
