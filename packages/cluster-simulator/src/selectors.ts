/**
 * Label and field selectors with the apiserver's grammar: labels take
 * equality (`=`, `==`, `!=`) and set-based (`in`, `notin`, `key`, `!key`)
 * requirements; fields take equality on the paths each resource supports.
 * A malformed selector is a 400, as on a real server.
 */
import {
  LabelRequirement,
  LabelSelectorError,
  matchesLabelSelector,
  parseLabelSelector as parseLabels,
  splitSelectorTerms,
} from '@flux-portal/kustomize';
import { ClusterObject } from './clusterObject';
import { ResourceType } from './resources';

export type ObjectPredicate = (obj: ClusterObject) => boolean;

export class SelectorError extends Error {}

/** Parses a labelSelector into a predicate over objects. */
export function parseLabelSelector(selector: string | null): ObjectPredicate {
  if (!selector) return () => true;
  let requirements: LabelRequirement[];
  try {
    requirements = parseLabels(selector);
  } catch (error) {
    if (error instanceof LabelSelectorError)
      throw new SelectorError(error.message);
    throw error;
  }
  return obj => matchesLabelSelector(requirements, obj.metadata?.labels ?? {});
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
  const checks = splitSelectorTerms(selector).map(part => {
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
