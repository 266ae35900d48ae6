/** Whether a unit is infrastructure or an app: the order of rules/infrastructure.ts. */
import { ANNOTATION_ROLE } from '@flux-portal/plugin-flux-common';
import {
  infrastructureChart,
  isInfrastructureFolder,
  isInfrastructureNamespace,
} from '../rules/infrastructure';
import { folderUnderRoot, MappingRules } from '../rules/mappingRules';
import type { Unit, UnitRole } from './types';
import { unitAnnotation } from './unitMeta';

/** The namespaces a unit installs into: its HelmReleases' targets, else its objects'. */
function unitNamespaces(unit: Unit): string[] {
  if (unit.helmReleases.length)
    return unit.helmReleases.map(hr => hr.targetNamespace ?? hr.namespace);
  return unit.objects
    .map(({ object }) =>
      object.kind === 'Namespace'
        ? object.metadata?.name
        : object.metadata?.namespace,
    )
    .filter((n): n is string => !!n);
}

const below = (folder: string, roots: ReadonlyArray<string>) =>
  folderUnderRoot(`${folder}/x`, roots) !== undefined ||
  roots.some(r => folder === r || folder.startsWith(`${r}/`));

export function roleOfUnit(unit: Unit, rules: MappingRules): UnitRole {
  const annotated = unitAnnotation(unit, ANNOTATION_ROLE);
  if (annotated === 'infrastructure' || annotated === 'app') return annotated;
  const kind = rules.overrides[unit.name]?.kind;
  if (kind) return kind === 'Resource' ? 'infrastructure' : 'app';
  if (below(unit.folder, rules.infrastructureRoots)) return 'infrastructure';
  if (isInfrastructureFolder(unit.folder)) return 'infrastructure';
  if (unit.helmReleases.some(hr => hr.chart && infrastructureChart(hr.chart)))
    return 'infrastructure';
  if (below(unit.folder, rules.appsRoots)) return 'app';
  const namespaces = unitNamespaces(unit);
  if (namespaces.length && namespaces.every(isInfrastructureNamespace))
    return 'infrastructure';
  return 'app';
}
