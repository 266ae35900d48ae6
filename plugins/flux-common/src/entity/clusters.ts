/** The clusters annotation: cluster names (`clusters/<name>/` of the monorepo), comma separated. */
import { formatList, parseList } from './listValue';
import { NAME } from './names';

/** Parses the clusters annotation into cluster names, dropping invalid ones. @public */
export function parseClusters(value: string | undefined): string[] {
  return parseList(value).filter(name => NAME.test(name));
}

/** @public */
export function formatClusters(names: readonly string[]): string {
  for (const name of names) {
    if (!NAME.test(name)) throw new Error(`Invalid cluster name "${name}"`);
  }
  return formatList(names);
}
