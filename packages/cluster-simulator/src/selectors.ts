/**
 * Label and field selectors with the apiserver's grammar: labels take
 * equality (`=`, `==`, `!=`) and set-based (`in`, `notin`, `key`, `!key`)
 * requirements; fields take equality on the paths each resource supports.
 * A malformed selector is a 400, as on a real server.
 */
import { ClusterObject } from './clusterObject';
import { ResourceType } from './resources';

type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export type ObjectPredicate = (obj: ClusterObject) => boolean;

export class SelectorError extends Error {}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

/** Splits on commas that are not inside a `(...)` value set. */
function splitTopLevel(selector: string): string[] {
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
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  }
  return key;
}

function parseLabelRequirement(
  part: string,
  selector: string,
): LabelRequirement {
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
    return eq[2] === '!='
      ? { key, op: 'notin', values: [eq[3]] }
      : { key, op: 'in', values: [eq[3]] };
  }
  if (part.startsWith('!')) {
    return { key: checkKey(part.slice(1).trim(), selector), op: 'notexists' };
  }
  return { key: checkKey(part, selector), op: 'exists' };
}

/** Parses a labelSelector into a predicate over objects. */
export function parseLabelSelector(selector: string | null): ObjectPredicate {
  if (!selector) return () => true;
  const requirements = splitTopLevel(selector).map(p =>
    parseLabelRequirement(p, selector),
  );
  return obj => {
    const labels = obj.metadata?.labels ?? {};
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
  };
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];
const EVENT_FIELDS = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
];
const POD_FIELDS = ['spec.nodeName', 'status.phase'];

function supportedFields(type: ResourceType): string[] {
  if (type.kind === 'Event') return [...COMMON_FIELDS, ...EVENT_FIELDS];
  if (type.kind === 'Pod') return [...COMMON_FIELDS, ...POD_FIELDS];
  return COMMON_FIELDS;
}

function fieldValue(obj: ClusterObject, path: string): string {
  if (path === 'source') {
    return String((obj as any).source?.component ?? '');
  }
  let value: any = obj;
  for (const segment of path.split('.')) value = value?.[segment];
  return value === undefined || value === null ? '' : String(value);
}

/** Parses a fieldSelector, rejecting fields the resource does not index. */
export function parseFieldSelector(
  selector: string | null,
  type: ResourceType,
): ObjectPredicate {
  if (!selector) return () => true;
  const allowed = supportedFields(type);
  const checks = splitTopLevel(selector).map(part => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) {
      throw new SelectorError(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    }
    const [, field, op, value] = m;
    if (!allowed.includes(field)) {
      throw new SelectorError(`field label not supported: ${field}`);
    }
    return { field, negate: op === '!=', value: value.trim() };
  });
  return obj =>
    checks.every(c => (fieldValue(obj, c.field) === c.value) !== c.negate);
}
