/** The workloads annotation: `kind/namespace/name` items, `kind//name` for cluster-scoped ones. */
import { formatList, parseList } from './listValue';
import { KIND, NAME } from './names';

/** @public */
export interface WorkloadRef {
  kind: string;
  /** '' for cluster-scoped objects */
  namespace: string;
  name: string;
}

/** Parses `kind/namespace/name`; undefined when malformed. @public */
export function parseWorkload(value: string): WorkloadRef | undefined {
  const parts = value.trim().split('/');
  if (parts.length !== 3) return undefined;
  const [kind, namespace, name] = parts;
  if (!KIND.test(kind) || !NAME.test(name)) return undefined;
  if (namespace !== '' && !NAME.test(namespace)) return undefined;
  return { kind, namespace, name };
}

/** @public */
export function formatWorkload(ref: WorkloadRef): string {
  if (
    !KIND.test(ref.kind) ||
    !NAME.test(ref.name) ||
    (ref.namespace !== '' && !NAME.test(ref.namespace))
  ) {
    throw new Error(
      `Invalid workload "${ref.kind}/${ref.namespace}/${ref.name}"`,
    );
  }
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** Parses the workloads annotation, dropping malformed items. @public */
export function parseWorkloads(value: string | undefined): WorkloadRef[] {
  return parseList(value)
    .map(parseWorkload)
    .filter((ref): ref is WorkloadRef => ref !== undefined);
}

/** @public */
export function formatWorkloads(refs: readonly WorkloadRef[]): string {
  return formatList(refs.map(formatWorkload));
}
