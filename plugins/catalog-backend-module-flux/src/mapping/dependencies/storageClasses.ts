/** Persistent volumes → the unit providing their storage class. */
import { isRecord } from '../json';
import type { Unit } from '../units/types';
import type { UnitRule } from './types';

export const storageClassUse: UnitRule = (unit, lookups, add) => {
  for (const sc of storageClassesUsed(unit))
    add(
      unit,
      lookups.byStorageClass(sc),
      'storage-class',
      `storageClass ${sc}`,
    );
};

/** Objects that define storage classes rather than ask for one. */
const PROVIDING_KINDS = new Set(['StorageClass', 'VolumeSnapshotClass']);

/**
 * Storage classes a unit's objects (PVCs, StatefulSets, custom resources such
 * as a CloudNativePG Cluster's `spec.storage.storageClass`) and Helm values
 * ask for.
 */
function storageClassesUsed(unit: Unit): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 40) return;
    if (Array.isArray(value)) value.forEach(v => visit(v, depth + 1));
    else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (
          (k === 'storageClass' || k === 'storageClassName') &&
          typeof v === 'string' &&
          v
        )
          out.add(v);
        else visit(v, depth + 1);
      }
    }
  };
  for (const { object } of unit.objects) {
    if (!PROVIDING_KINDS.has(object.kind ?? '')) visit(object.spec, 0);
  }
  for (const hr of unit.helmReleases) visit(hr.values, 0);
  return [...out];
}
