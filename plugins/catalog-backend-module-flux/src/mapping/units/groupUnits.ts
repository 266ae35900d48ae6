/**
 * Groups the rendered objects of a monorepo into the units that become
 * entities: one per folder under a Flux Kustomization's path (`apps/django`,
 * `infrastructure/postgresql`), or the Kustomization itself when its path holds
 * the objects directly (one `ks.yaml` per app), or the folder an overlay pulls
 * its base from.
 */
import type { ModelHelmRelease, MonorepoModel } from '@flux-portal/flux-engine';
import {
  foldIntoKustomizationApps,
  isHelmRelease,
  PlacedObject,
  placeObjects,
} from './placeObjects';
import { basename } from './paths';
import type { Unit } from './types';
import { toEntityName } from './unitFolder';
import { DEFAULT_MAPPING_RULES, MappingRules } from '../rules/mappingRules';
import { roleOfUnit } from './role';
import { applyUnitRules } from './unitRules';

/**
 * A folder holding only these (a namespace folder of a ks-per-app layout,
 * cluster-wide substitution variables) is configuration, not a component.
 */
const CONFIGURATION_KINDS = new Set(['Namespace', 'ConfigMap', 'Secret']);

export function groupUnits(
  model: MonorepoModel,
  clusters?: string[],
  rules: MappingRules = DEFAULT_MAPPING_RULES,
): Unit[] {
  const wanted = clusters?.length ? new Set(clusters) : undefined;
  const placed = placeObjects(model, wanted);
  foldIntoKustomizationApps(placed);
  applyUnitRules(placed, rules);
  const units = collectUnits(placed, helmReleasesByObject(model)).filter(
    unit =>
      !unit.objects.every(o => CONFIGURATION_KINDS.has(o.object.kind ?? '')),
  );
  for (const unit of units) unit.role = roleOfUnit(unit, rules);
  return units;
}

/** The model's HelmReleases by where they are defined, to find a HelmRelease object's. */
function helmReleasesByObject(
  model: MonorepoModel,
): Map<string, ModelHelmRelease> {
  const byObject = new Map<string, ModelHelmRelease>();
  for (const hr of model.helmReleases)
    byObject.set(`${hr.cluster}|${hr.definedAt.file}|${hr.definedAt.line}`, hr);
  return byObject;
}

function collectUnits(
  placed: PlacedObject[],
  hrByObject: Map<string, ModelHelmRelease>,
): Unit[] {
  const units = new Map<string, Unit>();
  const named = new Set<Unit>();
  for (const p of placed) {
    const { o, ks, ksKey, folder, isKustomization, name: ruled } = p;
    const key = p.key ?? folder;
    const name = toEntityName(
      ruled ?? (isKustomization ? ks.name : basename(folder) || ks.name),
    );
    if (!name) continue;
    let unit = units.get(key);
    if (unit && ruled && !named.has(unit)) unit.name = name;
    if (!unit) {
      unit = {
        folder,
        key,
        name,
        role: 'app', // decided once all its objects are known
        clusters: new Set(),
        kustomizations: new Set(),
        objects: [],
        helmReleases: [],
      };
      units.set(key, unit);
    }
    if (ruled) named.add(unit);
    unit.clusters.add(o.cluster);
    unit.kustomizations.add(ksKey);
    unit.objects.push(o);
    if (isHelmRelease(o)) {
      const hr = hrByObject.get(
        `${o.cluster}|${o.provenance.file}|${o.provenance.line}`,
      );
      if (hr && !unit.helmReleases.includes(hr)) unit.helmReleases.push(hr);
    }
  }
  return [...units.values()];
}
