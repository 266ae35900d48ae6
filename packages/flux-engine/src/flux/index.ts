export { envsubst, VARIABLE_NAME } from './envsubst';
export type { EnvsubstResult } from './envsubst';
export { checkDependsOn } from './dependsOn';
export type { DependencyNode } from './dependsOn';
export * from './generator';
export { applyPostBuild, secretPlaceholder } from './postBuild';
export type { PostBuildResult, VariableSources } from './postBuild';
export { ConfigIndex } from './ConfigIndex';
export { followKustomizations } from './follow';
export type {
  FollowOptions,
  FollowResult,
  FollowedArtifact,
  FollowedKustomization,
  KustomizationStatus,
  Located,
} from './follow';
export {
  classify,
  normaliseFluxPath,
  readHelmRelease,
  readKustomization,
  readSource,
} from './readFluxObjects';
export type {
  FluxObjectClass,
  Read,
  HelmReleaseSpec,
  KustomizationSpec,
  NamespacedRef,
  ObjectRef,
  Origin,
  SourceSpec,
} from './readFluxObjects';
export {
  DEFAULT_SELF_SOURCE,
  resolveSource,
  sourceKey,
  withSelfSource,
} from './sources';
export type { SourceMapping } from './sources';
