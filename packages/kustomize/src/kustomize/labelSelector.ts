/**
 * Kubernetes label selector strings, with apimachinery's grammar: equality
 * (`k=v`, `k==v`, `k!=v`) and set-based (`k in (a,b)`, `k notin (a)`, `k`,
 * `!k`) requirements joined by commas. kustomize parses patch and
 * replacement targets' label and annotation selectors with it; the cluster
 * simulator its list and watch requests.
 */

/** One requirement of a selector. @public */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

/** A selector that does not parse; the message says which part and why. @public */
export class LabelSelectorError extends Error {
  name = 'LabelSelectorError';
}

// A qualified name with an optional DNS-subdomain prefix, as label keys are.
const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

/** Splits on the commas that are not inside a `(...)` value set. @public */
export function splitSelectorTerms(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p !== '');
}

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key)) {
    throw new LabelSelectorError(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  }
  return key;
}

function parseRequirement(part: string, selector: string): LabelRequirement {
  const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (set) {
    const values = set[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v !== '');
    return {
      key: checkKey(set[1], selector),
      op: set[2] as 'in' | 'notin',
      values,
    };
  }
  const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
  if (eq) {
    const key = checkKey(eq[1], selector);
    return { key, op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] };
  }
  if (part.startsWith('!')) {
    return { key: checkKey(part.slice(1).trim(), selector), op: 'notexists' };
  }
  return { key: checkKey(part, selector), op: 'exists' };
}

/** Parses a selector; throws LabelSelectorError naming the bad part. @public */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitSelectorTerms(selector).map(p => parseRequirement(p, selector));
}

/** Whether labels (or annotations) satisfy every requirement. @public */
export function matchesLabelSelector(
  requirements: readonly LabelRequirement[],
  labels: Readonly<Record<string, string>>,
): boolean {
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key]);
      case 'notin':
        return !has || !r.values.includes(labels[r.key]);
      default:
        return false;
    }
  });
}
