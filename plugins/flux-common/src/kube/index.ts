/** Kubernetes object shapes and apiVersion helpers, for any kind. */
export { joinApiVersion, splitApiVersion } from './apiVersion';
export type { GroupVersion } from './apiVersion';
export type { KubeObjectMeta, ObjectMeta } from './ObjectMeta';
export type { KubeObject } from './KubeObject';
export type { ConditionStatus, KubeCondition } from './KubeCondition';
export type { NamespacedName } from './NamespacedName';
export * from './labels';
export { isDnsLabel, isDnsSubdomain } from './names';
