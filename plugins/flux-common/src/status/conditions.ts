/** Reading conditions from a Flux status. */
import { FluxCondition, FluxObjectWithStatus } from './types';

/** The condition of a type, if present. @public */
export function findCondition(
  obj: FluxObjectWithStatus | undefined,
  type: string,
): FluxCondition | undefined {
  const conditions = obj?.status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find(c => c && c.type === type);
}

export function isConditionTrue(condition: FluxCondition | undefined): boolean {
  return condition?.status === 'True';
}
