/** Metadata a unit's manifests declare about the whole unit. */
import { isWorkload } from '../configValues';
import type { Unit } from './types';

/**
 * The first value of an annotation or label among a unit's objects: its
 * workloads first, then HelmReleases, then namespaces, then anything else
 * (the objects most likely to describe the service itself).
 */
function firstMeta(
  unit: Unit,
  field: 'annotations' | 'labels',
  key: string,
): string | undefined {
  const ordered = [
    ...unit.objects.filter(o => isWorkload(o.object)),
    ...unit.objects.filter(o => o.object.kind === 'HelmRelease'),
    ...unit.objects.filter(o => o.object.kind === 'Namespace'),
    ...unit.objects,
  ];
  for (const { object } of ordered) {
    const value = object.metadata?.[field]?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

export const unitAnnotation = (unit: Unit, key: string) =>
  firstMeta(unit, 'annotations', key);

export const unitLabel = (unit: Unit, key: string) =>
  firstMeta(unit, 'labels', key);
