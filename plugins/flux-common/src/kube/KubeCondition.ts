/** @public */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/**
 * A status condition as a controller writes it (metav1.Condition): type and
 * status always set. To read conditions from a cluster, where anything may
 * be missing, use `FluxCondition`.
 * @public
 */
export interface KubeCondition {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}
