/** Annotation keys of catalog entities and manifests, with the formats of their values. */
export * from './annotations';
export { formatList, parseList } from './listValue';
export {
  formatNamespacedName,
  formatNamespacedNames,
  parseNamespacedName,
  parseNamespacedNames,
} from './namespacedName';
export {
  formatWorkload,
  formatWorkloads,
  parseWorkload,
  parseWorkloads,
} from './workloads';
export type { WorkloadRef } from './workloads';
export { formatClusters, parseClusters } from './clusters';
export { formatChart, parseChart } from './chart';
export type { ChartRef } from './chart';
export { formatEqualitySelector, parseEqualitySelector } from './labelSelector';
export { formatEntityRefs, parseEntityRefs } from './entityRefs';
export { formatSharedBy, parseSharedBy } from './sharedBy';
export {
  ANNOTATION_SOURCE_COMMIT,
  ANNOTATION_SOURCE_COMMIT_READ_AT,
  formatSourceCommit,
  formatSourceCommitReadAt,
  parseSourceCommit,
  parseSourceCommitReadAt,
} from './sourceCommit';
