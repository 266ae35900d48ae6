/** Where the dependency rules find the unit behind a name, built once per mapping. */
import type { MonorepoModel } from '@flux-portal/flux-engine';
import type { Unit } from '../units/types';
import { buildServiceIndex, ServiceIndex } from './serviceIndex';
import { providedStorageClasses } from './providedStorageClasses';

export interface UnitLookups {
  model: MonorepoModel;
  units: Unit[];
  services: ServiceIndex;
  byFolder(folder: string): Unit | undefined;
  byHelmRelease(namespace: string, name: string): Unit | undefined;
  /** the unit rendering an object; `namespace` '' for cluster-scoped kinds */
  byObject(kind: string, namespace: string, name: unknown): Unit | undefined;
  /** the first unit with a HelmRelease of a matching chart */
  byChart(chart: RegExp): Unit | undefined;
  byStorageClass(name: string): Unit | undefined;
}

const objectKey = (kind: unknown, namespace: unknown, name: unknown) =>
  `${kind}|${namespace}|${name}`;

export function buildUnitLookups(
  model: MonorepoModel,
  units: Unit[],
): UnitLookups {
  const helmReleases = new Map<string, Unit>();
  const objects = new Map<string, Unit>();
  const storageClasses = new Map<string, Unit>();
  for (const unit of units) {
    for (const hr of unit.helmReleases)
      helmReleases.set(`${hr.namespace}/${hr.name}`, unit);
    for (const { object } of unit.objects) {
      const { namespace, name } = object.metadata ?? {};
      objects.set(objectKey(object.kind, namespace ?? '', name ?? ''), unit);
    }
    for (const sc of providedStorageClasses(unit)) storageClasses.set(sc, unit);
  }
  const folders = new Map(units.map(u => [u.folder, u]));
  return {
    model,
    units,
    services: buildServiceIndex(units),
    byFolder: folder => folders.get(folder),
    byHelmRelease: (namespace, name) =>
      helmReleases.get(`${namespace}/${name}`),
    byObject: (kind, namespace, name) =>
      objects.get(objectKey(kind, namespace, name)),
    byChart: chart =>
      units.find(u => u.helmReleases.some(hr => chart.test(hr.chart ?? ''))),
    byStorageClass: name => storageClasses.get(name),
  };
}
