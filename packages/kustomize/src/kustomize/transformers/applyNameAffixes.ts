import { splitApiVersion } from '../resId';
import { Resource } from '../Resource';

/** Kinds kustomize never prefixes or suffixes. */
function skipsAffix(kind: string, group: string): boolean {
  return (
    kind === 'CustomResourceDefinition' ||
    kind === 'Namespace' ||
    (kind === 'APIService' && group === 'apiregistration.k8s.io')
  );
}

/** namePrefix / nameSuffix; the old names are kept for name references. */
export function applyNameAffixes(
  resources: readonly Resource[],
  prefix: string | undefined,
  suffix: string | undefined,
): void {
  if (!prefix && !suffix) return;
  for (const r of resources) {
    const { group } = splitApiVersion(r.object.apiVersion);
    if (skipsAffix(r.kind, group) || !r.name) continue;
    r.setName(`${prefix ?? ''}${r.name}${suffix ?? ''}`);
    r.affixes = `${prefix ?? ''}|${r.affixes}|${suffix ?? ''}`;
  }
}
