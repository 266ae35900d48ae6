/**
 * Equality label selectors (`key=value,key2=value2`), the form the catalog
 * writes in Backstage's `backstage.io/kubernetes-label-selector`. Set-based
 * and negated requirements are not parsed: a value holding one is malformed
 * here rather than silently narrowed.
 */

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Parses `key=value` pairs; undefined when absent or not an equality selector. @public */
export function parseEqualitySelector(
  value: string | undefined,
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const labels: Record<string, string> = {};
  for (const item of value.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) return undefined;
    const key = item.slice(0, eq).trim();
    const labelValue = item.slice(eq + 1).trim();
    if (!LABEL_KEY.test(key) || !LABEL_VALUE.test(labelValue)) {
      return undefined;
    }
    labels[key] = labelValue;
  }
  return labels;
}

/** @public */
export function formatEqualitySelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, labelValue]) => {
      if (!LABEL_KEY.test(key) || !LABEL_VALUE.test(labelValue)) {
        throw new Error(`Invalid label "${key}=${labelValue}"`);
      }
      return `${key}=${labelValue}`;
    })
    .join(',');
}
