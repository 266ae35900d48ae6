import { splitApiVersion } from '../resId';
import { Resource } from '../Resource';
import { Selector } from '../types';

type Requirement = (labels: Record<string, string>) => boolean;

function parseRequirement(part: string, text: string): Requirement {
  const setMatch = part.match(/^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (setMatch) {
    const key = setMatch[1];
    const values = new Set(
      setMatch[3]
        .split(',')
        .map(v => v.trim())
        .filter(v => v !== ''),
    );
    if (setMatch[2] === 'notin') return l => !(key in l) || !values.has(l[key]);
    return l => key in l && values.has(l[key]);
  }
  const eqMatch = part.match(/^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/);
  if (eqMatch) {
    const [, key, op, value] = eqMatch;
    if (op === '!=') return l => l[key] !== value;
    return l => l[key] === value;
  }
  const absent = part.match(/^!\s*([^\s!=]+)$/);
  if (absent) return l => !(absent[1] in l);
  const present = part.match(/^([^\s!=()]+)$/);
  if (present) return l => present[1] in l;
  throw new Error(`invalid selector '${text}'`);
}

/**
 * Parses a Kubernetes label selector string ("a=b,c!=d,e in (x,y),!f,g").
 * Throws on syntax errors (the caller turns them into problems).
 */
export function parseLabelSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  // Split on commas outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') parts.push(cur);
  for (const raw of parts) {
    reqs.push(parseRequirement(raw.trim(), text));
  }
  return reqs;
}

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
    if (!labelReqs.every(req => req(labels))) return false;
    const annotations = (r.object.metadata?.annotations ?? {}) as Record<
      string,
      string
    >;
    return annotationReqs.every(req => req(annotations));
  };
}
