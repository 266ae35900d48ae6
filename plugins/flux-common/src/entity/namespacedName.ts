/** `namespace/name` annotation values, alone or in a list. */
import { NamespacedName } from '../kube/NamespacedName';
import { formatList, parseList } from './listValue';
import { NAME } from './names';

/** Parses `namespace/name`; undefined when malformed. @public */
export function parseNamespacedName(
  value: string | undefined,
): NamespacedName | undefined {
  if (!value) return undefined;
  const parts = value.trim().split('/');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts;
  if (!NAME.test(namespace) || !NAME.test(name)) return undefined;
  return { namespace, name };
}

/** @public */
export function formatNamespacedName(ref: NamespacedName): string {
  if (!NAME.test(ref.namespace) || !NAME.test(ref.name)) {
    throw new Error(`Invalid namespaced name "${ref.namespace}/${ref.name}"`);
  }
  return `${ref.namespace}/${ref.name}`;
}

/** Parses a list of `namespace/name`, dropping malformed items. @public */
export function parseNamespacedNames(
  value: string | undefined,
): NamespacedName[] {
  return parseList(value)
    .map(parseNamespacedName)
    .filter((ref): ref is NamespacedName => ref !== undefined);
}

/** @public */
export function formatNamespacedNames(refs: readonly NamespacedName[]): string {
  return formatList(refs.map(formatNamespacedName));
}
