/** The entity count of ANNOTATION_KUSTOMIZATION_SHARED_BY: a whole number ≥ 1. */

/** @public */
export function formatSharedBy(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Invalid shared-by count ${count}`);
  }
  return String(count);
}

/** The count, or undefined when absent or malformed. @public */
export function parseSharedBy(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9]\d{0,6}$/.test(value.trim())) {
    return undefined;
  }
  return Number(value.trim());
}
