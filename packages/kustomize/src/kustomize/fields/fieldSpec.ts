import { isMap, JsonMap } from '../json';

/**
 * A kustomize field spec: which kinds a transformer touches and where.
 * `path` uses '/' separators ('\/' escapes a slash inside a key) and may
 * mark lists with '[]'; lists are also traversed implicitly, as kustomize does.
 */
export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

/** Does the spec apply to an object of this group/version/kind? */
export function specMatches(
  spec: FieldSpec,
  group: string,
  version: string,
  kind: string,
): boolean {
  return (
    (spec.kind === undefined || spec.kind === kind) &&
    (spec.group === undefined || spec.group === group) &&
    (spec.version === undefined || spec.version === version)
  );
}

const segmentCache = new Map<string, string[]>();

/** Splits a field path into keys, honouring '\/' escapes and dropping '[]'. */
export function pathSegments(path: string): string[] {
  let cached = segmentCache.get(path);
  if (!cached) {
    cached = path
      .split(/(?<!\\)\//)
      .map(s => s.replace(/\\\//g, '/').replace(/\[\]$/, ''));
    segmentCache.set(path, cached);
  }
  return cached;
}

/**
 * Calls `visit(parent, key)` for every place the path leads to in `obj`.
 * Missing maps are created only when `create` is set; list elements are
 * never invented, but existing ones are entered.
 */
export function visitField(
  obj: JsonMap,
  path: string,
  create: boolean,
  visit: (parent: JsonMap, key: string) => void,
): void {
  walk(obj, pathSegments(path), 0, create, visit);
}

function walk(
  node: unknown,
  segs: string[],
  i: number,
  create: boolean,
  visit: (parent: JsonMap, key: string) => void,
): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, segs, i, create, visit);
    return;
  }
  if (!isMap(node)) return;
  const key = segs[i];
  if (i === segs.length - 1) {
    if (key in node || create) visit(node, key);
    return;
  }
  let next = node[key];
  if (next === undefined || next === null) {
    if (!create) return;
    next = {};
    node[key] = next;
  }
  walk(next, segs, i + 1, create, visit);
}
