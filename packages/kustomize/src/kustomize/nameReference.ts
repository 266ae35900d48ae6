import { FieldSpec, specMatches, visitField } from './fields/fieldSpec';
import {
  NAME_REFERENCE_RULES,
  NameReferenceRule,
} from './fields/nameReferenceSpecs';
import { isMap, JsonMap } from './json';
import { isClusterScoped, splitApiVersion } from './resId';
import { ResMap } from './ResMap';
import { Resource } from './Resource';

interface Binding {
  rule: NameReferenceRule;
  spec: FieldSpec;
}

/** Rules indexed by the kind of the referring object. */
const BY_REFERRER_KIND = new Map<string, Binding[]>();
for (const rule of NAME_REFERENCE_RULES) {
  for (const spec of rule.fieldSpecs) {
    const list = BY_REFERRER_KIND.get(spec.kind!) ?? [];
    list.push({ rule, spec });
    BY_REFERRER_KIND.set(spec.kind!, list);
  }
}

/**
 * Fixes name references after renames (prefixes, suffixes, hashes), as
 * kustomize's nameReference transformer does at the end of a build: a field
 * holding an old name of a ConfigMap, Secret, Service, ServiceAccount… in a
 * visible namespace gets the object's final name.
 */
export function fixNameReferences(resMap: ResMap): void {
  const renamed = resMap.resources.filter(
    r => r.previousNames.length > 0 || r.previousNamespaces.length > 0,
  );
  if (renamed.length === 0) return;
  // Only renamed objects can make a reference stale; index them by kind and old name.
  const byKindAndName = new Map<string, Resource[]>();
  for (const r of renamed) {
    for (const n of new Set([r.name, ...r.previousNames])) {
      const key = `${r.kind}|${n}`;
      const list = byKindAndName.get(key) ?? [];
      list.push(r);
      byKindAndName.set(key, list);
    }
  }

  const resolve = (
    rule: NameReferenceRule,
    referrer: Resource,
    oldName: string,
    refNamespace: string | undefined,
  ): Resource | undefined => {
    let candidates = byKindAndName.get(`${rule.kind}|${oldName}`);
    if (!candidates) return undefined;
    candidates = candidates.filter(c => {
      if (
        rule.group !== undefined &&
        splitApiVersion(c.object.apiVersion).group !== rule.group
      )
        return false;
      if (isClusterScoped(c.kind)) return true;
      if (refNamespace !== undefined)
        return c.hadNamespace(refNamespace) || c.namespace === refNamespace;
      if (isClusterScoped(referrer.kind)) return true;
      return (
        c.namespace === referrer.namespace ||
        (c.namespace === '' && referrer.namespace === 'default') ||
        (c.namespace === 'default' && referrer.namespace === '')
      );
    });
    if (candidates.length === 0) return undefined;
    const names = new Set(candidates.map(c => c.name));
    if (names.size === 1) return candidates[0];
    const sameAffixes = candidates.filter(c => c.affixes === referrer.affixes);
    return new Set(sameAffixes.map(c => c.name)).size === 1
      ? sameAffixes[0]
      : undefined;
  };

  for (const referrer of resMap.resources) {
    const bindings = BY_REFERRER_KIND.get(referrer.kind);
    if (!bindings) continue;
    const { group, version } = splitApiVersion(referrer.object.apiVersion);
    for (const { rule, spec } of bindings) {
      if (!specMatches(spec, group, version, referrer.kind)) continue;
      visitField(referrer.object, spec.path, false, (parent, key) => {
        const value = parent[key];
        if (typeof value === 'string') {
          const hit = resolve(rule, referrer, value, undefined);
          if (hit) parent[key] = hit.name;
        } else if (Array.isArray(value)) {
          parent[key] = value.map(item => {
            if (typeof item === 'string')
              return resolve(rule, referrer, item, undefined)?.name ?? item;
            if (isMap(item)) updateMapRef(rule, referrer, item, resolve);
            return item;
          });
        } else if (isMap(value)) {
          updateMapRef(rule, referrer, value, resolve);
        }
      });
    }
  }
}

/** References written as {name, namespace} (subjects, webhook services). */
function updateMapRef(
  rule: NameReferenceRule,
  referrer: Resource,
  ref: JsonMap,
  resolve: (
    rule: NameReferenceRule,
    referrer: Resource,
    oldName: string,
    ns: string | undefined,
  ) => Resource | undefined,
): void {
  if (typeof ref.name !== 'string') return;
  if (ref.kind !== undefined && ref.kind !== rule.kind) return;
  const ns = typeof ref.namespace === 'string' ? ref.namespace : undefined;
  const hit = resolve(rule, referrer, ref.name, ns);
  if (!hit) return;
  ref.name = hit.name;
  if (hit.namespace) ref.namespace = hit.namespace;
}
