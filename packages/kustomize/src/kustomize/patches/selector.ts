import { splitApiVersion } from '../resId';
import { Resource } from '../Resource';
import { Selector } from '../types';
import { matchesLabelSelector, parseLabelSelector } from '../labelSelector';

const regexCache = new Map<string, RegExp>();
function anchored(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    regexCache.set(pattern, re);
  }
  return re;
}

/** Compiled selector: returns whether a resource is targeted. Throws on bad regex/selector. */
export function compileSelector(s: Selector): (r: Resource) => boolean {
  const labelReqs = s.labelSelector ? parseLabelSelector(s.labelSelector) : [];
  const annotationReqs = s.annotationSelector
    ? parseLabelSelector(s.annotationSelector)
    : [];
  const nameRe = s.name ? anchored(s.name) : undefined;
  const nsRe = s.namespace ? anchored(s.namespace) : undefined;
  return r => {
    const { group, version } = splitApiVersion(r.object.apiVersion);
    if (s.kind && s.kind !== r.kind) return false;
    if (s.group !== undefined && s.group !== group) return false;
    if (s.version && s.version !== version) return false;
    // Patches written against a base keep matching after prefixes/suffixes.
    if (
      nameRe &&
      !nameRe.test(r.name) &&
      !r.previousNames.some(n => nameRe.test(n))
    )
      return false;
    if (
      nsRe &&
      !nsRe.test(r.namespace) &&
      !r.previousNamespaces.some(n => nsRe.test(n))
    )
      return false;
    const labels = (r.object.metadata?.labels ?? {}) as Record<string, string>;
    if (!matchesLabelSelector(labelReqs, labels)) return false;
    const annotations = (r.object.metadata?.annotations ?? {}) as Record<
      string,
      string
    >;
    return matchesLabelSelector(annotationReqs, annotations);
  };
}
