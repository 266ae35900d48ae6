/** Plain JSON helpers shared by transformers. */

/** @public */
export type JsonMap = Record<string, unknown>;

/** @public */
export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Deep copy of plain JSON data. Cached parse results are shared between
 * renders, so every resource is copied exactly once when it enters a render;
 * this is cheaper than structuredClone for YAML-sized objects.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as unknown as T;
  if (isMap(value)) {
    const out: JsonMap = {};
    for (const key of Object.keys(value)) out[key] = cloneJson(value[key]);
    return out as T;
  }
  return value;
}

/** Returns obj[key] as a map, creating it when `create` is set. */
export function childMap(
  obj: JsonMap,
  key: string,
  create: boolean,
): JsonMap | undefined {
  const v = obj[key];
  if (isMap(v)) return v;
  if (!create || (v !== undefined && v !== null)) return undefined;
  const m: JsonMap = {};
  obj[key] = m;
  return m;
}
