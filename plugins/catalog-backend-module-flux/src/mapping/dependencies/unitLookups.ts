/** Where the dependency rules find the unit behind a name, built once per mapping. */
import type { MonorepoModel } from '@flux-portal/flux-engine';
import type { Unit } from '../units/types';
import { buildServiceIndex, ServiceIndex } from './serviceIndex';
import { providedStorageClasses } from './providedStorageClasses';
import { isRecord } from '../json';
import { infrastructureChart } from '../rules/infrastructure';

export interface UnitLookups {
  model: MonorepoModel;
  units: Unit[];
  services: ServiceIndex;
  /** the units of a folder: one, or several when it holds flat HelmRelease files */
  unitsOfFolder(folder: string): Unit[];
  byHelmRelease(namespace: string, name: string): Unit | undefined;
  /** the unit rendering an object; `namespace` '' for cluster-scoped kinds */
  byObject(kind: string, namespace: string, name: unknown): Unit | undefined;
  /** the first unit with a HelmRelease of a matching chart */
  byChart(chart: RegExp): Unit | undefined;
  byStorageClass(name: string): Unit | undefined;
  /**
   * The unit providing a Secret (an ExternalSecret's target, a SealedSecret,
   * a cert-manager Certificate's secret, the Secret itself) or a ConfigMap.
   */
  byProvidedSecret(
    kind: 'Secret' | 'ConfigMap',
    namespace: string,
    name: string,
  ): Unit | undefined;
  /** the ingress controller serving an ingress class */
  byIngressClass(name: string): Unit | undefined;
}

const objectKey = (kind: unknown, namespace: unknown, name: unknown) =>
  `${kind}|${namespace}|${name}`;

export function buildUnitLookups(
  model: MonorepoModel,
  units: Unit[],
): UnitLookups {
  const helmReleases = new Map<string, Unit>();
  const objects = new Map<string, Unit>();
  const byKindName = new Map<string, Unit>();
  const storageClasses = new Map<string, Unit>();
  for (const unit of units) {
    for (const hr of unit.helmReleases)
      helmReleases.set(`${hr.namespace}/${hr.name}`, unit);
    for (const { object } of unit.objects) {
      const { namespace, name } = object.metadata ?? {};
      objects.set(objectKey(object.kind, namespace ?? '', name ?? ''), unit);
      // a cluster-scoped custom kind (ClusterSecretStore, ClusterIssuer) may
      // carry the namespace kustomize set on it, not knowing it is cluster-scoped
      if (!byKindName.has(objectKey(object.kind, '*', name ?? '')))
        byKindName.set(objectKey(object.kind, '*', name ?? ''), unit);
    }
    for (const sc of providedStorageClasses(unit)) storageClasses.set(sc, unit);
  }
  const folders = new Map<string, Unit[]>();
  for (const unit of units)
    folders.set(unit.folder, [...(folders.get(unit.folder) ?? []), unit]);
  const secrets = providedSecrets(units);
  const ingressClasses = ingressControllers(units);
  return {
    model,
    units,
    services: buildServiceIndex(units),
    unitsOfFolder: folder => folders.get(folder) ?? [],
    byHelmRelease: (namespace, name) =>
      helmReleases.get(`${namespace}/${name}`),
    byObject: (kind, namespace, name) =>
      objects.get(objectKey(kind, namespace, name)) ??
      (namespace === '' && kind.startsWith('Cluster')
        ? byKindName.get(objectKey(kind, '*', name))
        : undefined),
    byChart: chart =>
      units.find(u => u.helmReleases.some(hr => chart.test(hr.chart ?? ''))),
    byStorageClass: name => storageClasses.get(name),
    byProvidedSecret: (kind, namespace, name) =>
      kind === 'Secret'
        ? secrets.get(objectKey(kind, namespace, name))
        : objects.get(objectKey(kind, namespace, name)),
    byIngressClass: name => ingressClasses(name),
  };
}

/** Secrets by `Secret|namespace|name`, from whatever creates them. */
function providedSecrets(units: Unit[]): Map<string, Unit> {
  const out = new Map<string, Unit>();
  for (const unit of units) {
    for (const { object } of unit.objects) {
      const namespace = object.metadata?.namespace ?? '';
      const spec = isRecord(object.spec) ? object.spec : {};
      let name: unknown;
      if (object.kind === 'ExternalSecret')
        name =
          (isRecord(spec.target) ? spec.target.name : undefined) ??
          object.metadata?.name;
      else if (object.kind === 'SealedSecret' || object.kind === 'Secret')
        name = object.metadata?.name;
      else if (object.kind === 'Certificate') name = spec.secretName;
      if (
        typeof name === 'string' &&
        !out.has(objectKey('Secret', namespace, name))
      )
        out.set(objectKey('Secret', namespace, name), unit);
    }
  }
  return out;
}

/** Ingress class names a chart's values declare, at the places common controllers put them. */
function declaredClasses(values: Record<string, unknown>): string[] {
  const controller = isRecord(values.controller) ? values.controller : {};
  const candidates = [
    isRecord(controller.ingressClassResource)
      ? controller.ingressClassResource.name
      : undefined,
    controller.ingressClass,
    isRecord(values.ingressClass) ? values.ingressClass.name : undefined,
  ];
  return candidates.filter((c): c is string => typeof c === 'string' && !!c);
}

/**
 * The ingress controller of a class: the unit rendering that IngressClass,
 * else the one whose chart values declare it, else the only
 * ingress-controller chart whose name contains the class.
 */
function ingressControllers(units: Unit[]): (name: string) => Unit | undefined {
  const byClass = new Map<string, Unit>();
  const controllers = new Set<Unit>();
  for (const unit of units) {
    for (const { object } of unit.objects)
      if (object.kind === 'IngressClass' && object.metadata?.name)
        byClass.set(object.metadata.name, unit);
    for (const hr of unit.helmReleases) {
      for (const name of declaredClasses(hr.values))
        if (!byClass.has(name)) byClass.set(name, unit);
      if (
        hr.chart &&
        infrastructureChart(hr.chart)?.type === 'ingress-controller'
      )
        controllers.add(unit);
    }
  }
  return name => {
    const known = byClass.get(name);
    if (known) return known;
    const named = [...controllers].filter(u =>
      u.helmReleases.some(hr => (hr.chart ?? '').includes(name)),
    );
    return named.length === 1 ? named[0] : undefined;
  };
}
