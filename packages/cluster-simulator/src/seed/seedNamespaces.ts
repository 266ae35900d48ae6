/** Namespaces are Active; those objects live in but the input lacks (and flux-system) are added. */
import { FLUX_SYSTEM_NAMESPACE } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';

export function seedNamespaces(
  objects: ClusterObject[],
  extra: ClusterObject[],
) {
  const existing = new Set(
    objects.filter(o => o.kind === 'Namespace').map(o => o.metadata!.name),
  );
  const used = new Set<string>([FLUX_SYSTEM_NAMESPACE]);
  for (const o of objects) {
    if (o.kind !== 'Namespace' && o.metadata?.namespace)
      used.add(o.metadata.namespace);
  }
  for (const o of objects) {
    if (o.kind === 'Namespace') o.status = { phase: 'Active' };
  }
  for (const name of [...used].sort()) {
    if (!existing.has(name)) {
      extra.push({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
        status: { phase: 'Active' },
      });
    }
  }
}
