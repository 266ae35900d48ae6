/** Flux's own ordering: HelmRelease and Kustomization `dependsOn`. */
import { stripLeading } from '../units/paths';
import type { UnitRule } from './types';

export const helmReleaseDependsOn: UnitRule = (unit, lookups, add) => {
  for (const hr of unit.helmReleases) {
    for (const d of hr.dependsOn)
      add(
        unit,
        lookups.byHelmRelease(d.namespace, d.name),
        'helm-depends-on',
        `HelmRelease ${hr.name} dependsOn ${d.namespace}/${d.name}`,
      );
  }
};

/** Kustomization `dependsOn`, when Kustomizations are the units (their path is the unit folder). */
export const kustomizationDependsOn: UnitRule = (unit, lookups, add) => {
  const { kustomizations } = lookups.model;
  for (const ks of kustomizations) {
    if (stripLeading(ks.path) !== unit.folder) continue;
    for (const d of ks.dependsOn) {
      const target = kustomizations.find(
        k =>
          k.cluster === ks.cluster &&
          k.namespace === d.namespace &&
          k.name === d.name,
      );
      if (!target) continue;
      for (const to of lookups.unitsOfFolder(stripLeading(target.path)))
        add(
          unit,
          to,
          'kustomization-depends-on',
          `Kustomization ${ks.name} dependsOn ${d.name}`,
        );
    }
  }
};
