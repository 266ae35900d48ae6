/** Persistent volumes → the unit providing their storage class. */
import { isRecord, Json } from '../json';
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

/** Storage classes a unit provides: StorageClass objects, or a provisioner chart's class. */
export function providedStorageClasses(unit: Unit): string[] {
  const out: string[] = [];
  for (const { object } of unit.objects) {
    if (object.kind === 'StorageClass' && object.metadata?.name)
      out.push(object.metadata.name);
  }
  for (const hr of unit.helmReleases) {
    if (!/provisioner/.test(hr.chart ?? '')) continue;
    // local-path-provisioner's chart names its class `local-path` unless told otherwise.
    const sc = (hr.values.storageClass as Json | undefined)?.name;
    if (typeof sc === 'string') out.push(sc);
    else if (/local-path/.test(hr.chart ?? '')) out.push('local-path');
  }
  return out.filter(Boolean);
}
