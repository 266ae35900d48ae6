/**
 * The storage classes a unit provides, for the lookup by class (its own
 * file: the lookups are built before the rules that use them).
 */
import type { Json } from '../json';
import type { Unit } from '../units/types';

/** Storage classes a unit provides: StorageClass objects, a provisioner chart's class, rook-ceph-cluster's. */
export function providedStorageClasses(unit: Unit): string[] {
  const out: string[] = [];
  for (const { object } of unit.objects) {
    if (object.kind === 'StorageClass' && object.metadata?.name)
      out.push(object.metadata.name);
  }
  for (const hr of unit.helmReleases) {
    // rook-ceph-cluster: each pool, filesystem and object store may declare its class
    if (hr.chart === 'rook-ceph-cluster')
      for (const key of [
        'cephBlockPools',
        'cephFileSystems',
        'cephObjectStores',
      ]) {
        const list = hr.values[key];
        for (const item of Array.isArray(list) ? list : []) {
          const sc = (item as Json | undefined)?.storageClass as
            | Json
            | undefined;
          if (sc?.enabled !== false && typeof sc?.name === 'string')
            out.push(sc.name);
        }
      }
    if (!/provisioner/.test(hr.chart ?? '')) continue;
    // local-path-provisioner's chart names its class `local-path` unless told otherwise.
    const sc = (hr.values.storageClass as Json | undefined)?.name;
    if (typeof sc === 'string') out.push(sc);
    else if (/local-path/.test(hr.chart ?? '')) out.push('local-path');
  }
  return out.filter(Boolean);
}
