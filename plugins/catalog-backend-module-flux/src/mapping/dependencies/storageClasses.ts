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

/** Storage classes a unit's PVCs, StatefulSets and Helm values ask for. */
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
    if (
      object.kind === 'PersistentVolumeClaim' ||
      object.kind === 'StatefulSet'
    )
      visit(object.spec, 0);
  }
  for (const hr of unit.helmReleases) visit(hr.values, 0);
  return [...out];
}
