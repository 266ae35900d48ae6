import { cloneJson, isMap, JsonMap } from '../json';

/**
 * API groups of built-in Kubernetes types. Their lists merge by the
 * patchMergeKey of the Kubernetes schema; lists of custom resources are
 * replaced wholesale, as kustomize does without a CRD schema.
 */
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
]);

export function isBuiltinGroup(group: string): boolean {
  return BUILTIN_GROUPS.has(group);
}

/** patchMergeKey of the common list fields of built-in types, by field name. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  resourceClaims: 'name',
  schedulingGates: 'name',
  conditions: 'type',
};

/** Primitive lists Kubernetes merges as sets. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

/** Where in the object a merge happens, to pick the right merge key. */
interface Context {
  builtin: boolean;
  kind: string;
  path: string[];
}

function mergeKeyFor(field: string, ctx: Context): string | undefined {
  if (!ctx.builtin) return undefined;
  if (field === 'ports') {
    return ctx.kind === 'Service' && ctx.path.join('/') === 'spec/ports'
      ? 'port'
      : 'containerPort';
  }
  return MERGE_KEYS[field];
}

const DIRECTIVE = '$patch';

/**
 * Applies a strategic merge patch to `target` (mutated and returned). Maps
 * merge recursively, `null` deletes, `$patch: replace|delete` directives and
 * `$deleteFromPrimitiveList/…`, `$retainKeys` are honoured, and keyed lists of
 * built-in kinds merge element-wise with new elements first, like kustomize.
 */
export function strategicMerge(
  target: JsonMap,
  patch: JsonMap,
  kind: string,
  builtin: boolean,
): JsonMap {
  return mergeMap(target, patch, { builtin, kind, path: [] });
}

function mergeMap(target: JsonMap, patch: JsonMap, ctx: Context): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    const out = cloneJson(patch);
    delete out[DIRECTIVE];
    return stripDirectives(out);
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[]);
    for (const key of Object.keys(target))
      if (!keep.has(key)) delete target[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (
      key === DIRECTIVE ||
      key === '$retainKeys' ||
      key.startsWith('$setElementOrder/')
    )
      continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const list = target[field];
      if (Array.isArray(list) && Array.isArray(value)) {
        target[field] = list.filter(x => !value.includes(x));
      }
      continue;
    }
    if (value === null) {
      delete target[key];
      continue;
    }
    const current = target[key];
    const childCtx = { ...ctx, path: [...ctx.path, key] };
    if (isMap(value)) {
      if (value[DIRECTIVE] === 'delete') {
        delete target[key];
      } else if (isMap(current)) {
        target[key] = mergeMap(current, value, childCtx);
      } else {
        target[key] = stripDirectives(cloneJson(value));
      }
    } else if (Array.isArray(value)) {
      target[key] = mergeList(
        Array.isArray(current) ? current : undefined,
        value,
        key,
        childCtx,
      );
    } else {
      target[key] = value;
    }
  }
  return target;
}

function mergeList(
  current: unknown[] | undefined,
  patch: unknown[],
  field: string,
  ctx: Context,
): unknown[] {
  if (patch.some(p => isMap(p) && p[DIRECTIVE] === 'replace')) {
    return patch
      .filter(p => !(isMap(p) && p[DIRECTIVE] === 'replace'))
      .map(p => stripDirectives(cloneJson(p)));
  }
  const key = mergeKeyFor(field, ctx);
  if (!current)
    return patch
      .filter(p => !(isMap(p) && p[DIRECTIVE] === 'delete'))
      .map(p => stripDirectives(cloneJson(p)));
  if (ctx.builtin && MERGED_PRIMITIVE_LISTS.has(field)) {
    const added = patch.filter(p => !current.includes(p));
    return [...added, ...current];
  }
  if (!key) return patch.map(p => stripDirectives(cloneJson(p)));

  // kustomize's order: the patch's elements first (merged with their
  // counterparts), then the untouched elements of the original list.
  const out: unknown[] = [];
  const used = new Set<number>();
  for (const p of patch) {
    if (!isMap(p) || !(key in p)) {
      out.push(cloneJson(p));
      continue;
    }
    const index = current.findIndex(
      (c, i) =>
        !used.has(i) &&
        isMap(c) &&
        c[key] === p[key] &&
        sameProtocol(field, c, p) !== false,
    );
    // kustomize (kyaml) keys ports by port and protocol; when only one side
    // names the protocol it keeps the original element and drops the
    // patch's, which we reproduce rather than guess better.
    if (
      index >= 0 &&
      sameProtocol(field, current[index] as JsonMap, p) === undefined
    )
      continue;
    if (index >= 0) used.add(index);
    if (p[DIRECTIVE] === 'delete') continue;
    out.push(
      index >= 0
        ? mergeMap(current[index] as JsonMap, p, ctx)
        : stripDirectives(cloneJson(p)),
    );
  }
  current.forEach((c, i) => {
    if (!used.has(i)) out.push(c);
  });
  return out;
}

/**
 * For `ports` lists: true when both elements name the same protocol or
 * neither does, false when they name different ones, undefined when only
 * one names it. Other lists have no second key (always true).
 */
function sameProtocol(
  field: string,
  a: JsonMap,
  b: JsonMap,
): boolean | undefined {
  if (field !== 'ports') return true;
  const pa = a.protocol;
  const pb = b.protocol;
  if (pa === undefined && pb === undefined) return true;
  if (pa === undefined || pb === undefined) return undefined;
  return pa === pb;
}

/** Removes `$…` directive keys from data copied verbatim out of a patch. */
export function stripDirectives<T>(value: T): T {
  if (Array.isArray(value)) {
    return value
      .filter(v => !(isMap(v) && v[DIRECTIVE] === 'delete'))
      .map(stripDirectives) as unknown as T;
  }
  if (isMap(value)) {
    const map: JsonMap = value;
    for (const key of Object.keys(map)) {
      if (key.startsWith('$')) delete map[key];
      else map[key] = stripDirectives(map[key]);
    }
  }
  return value;
}
