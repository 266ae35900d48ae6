export { unifiedDiff } from './unifiedDiff';
export { diffModels, emptyDiff, isEmptyDiff } from './diffModels';
export type {
  ChangeKind,
  HelmReleaseDiff,
  KustomizationDiff,
  ModelDiff,
  ObjectDiff,
} from './diffModels';
export { formatModelDiff } from './formatModelDiff';
