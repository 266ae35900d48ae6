/**
 * kustomize-controller records what it applied in `status.inventory`
 * (`<namespace>_<name>_<group>_<kind>` ids) and labels those objects with
 * its name and namespace; the inventory is rebuilt from those labels.
 */
import {
  KUSTOMIZE_NAME_LABEL,
  KUSTOMIZE_NAMESPACE_LABEL,
  splitApiVersion,
} from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { ns } from './objectIds';

export function seedInventories(
  appliers: ClusterObject[],
  objects: ClusterObject[],
) {
  const byOwner = new Map<string, Array<{ id: string; v: string }>>();
  for (const obj of objects) {
    const labels = obj.metadata?.labels ?? {};
    const owner = labels[KUSTOMIZE_NAME_LABEL];
    if (!owner || typeof obj.apiVersion !== 'string') continue;
    const key = `${labels[KUSTOMIZE_NAMESPACE_LABEL] ?? ''}/${owner}`;
    const { group, version } = splitApiVersion(obj.apiVersion);
    let entries = byOwner.get(key);
    if (!entries) byOwner.set(key, (entries = []));
    entries.push({
      id: `${obj.metadata?.namespace ?? ''}_${obj.metadata?.name}_${group}_${
        obj.kind
      }`,
      v: version,
    });
  }
  for (const obj of appliers) {
    if (obj.kind !== 'Kustomization') continue;
    const entries = byOwner.get(`${ns(obj)}/${obj.metadata!.name}`);
    if (!entries) continue;
    entries.sort((a, b) => a.id.localeCompare(b.id));
    obj.status = { ...obj.status, inventory: { entries } };
  }
}
