/**
 * A Component (type `service`) per app unit and a Resource per
 * infrastructure unit, with owner, system and lifecycle from the manifests.
 */
import { systemFolderOf } from './systemFolder';
import {
  APP_PART_OF_LABEL,
  ANNOTATION_DESCRIPTION,
  ANNOTATION_LIFECYCLE,
  ANNOTATION_OWNER,
  ANNOTATION_SYSTEM,
} from '@flux-portal/plugin-flux-common';
import { codeownerOf } from './codeowners';
import { ownerRef } from './entityRefs';
import type { MappingContext } from './mappingContext';
import { resourceTypeOf } from './resourceTypes';
import type { CatalogEntity } from './types';
import { countDeployed, unitAnnotations } from './unitAnnotations';
import type { Unit } from './units/types';
import { unitAnnotation, unitLabel } from './units/unitMeta';

export interface UnitEntity {
  unit: Unit;
  entity: CatalogEntity;
  /** its system is named by the system annotation, so it is kept even for one member */
  explicitSystem: boolean;
}

/** The owner the configured sources give (`mapping.ownerSources`, in order). */
function ownerOf(unit: Unit, context: MappingContext): string | undefined {
  for (const source of context.rules.ownerSources) {
    let owner: string | undefined;
    if (source === 'annotation') owner = unitAnnotation(unit, ANNOTATION_OWNER);
    else if (source === 'codeowners')
      owner = codeownerOf(context.codeowners, unit.folder);
    else owner = unitLabel(unit, source.slice('label:'.length));
    if (owner) return owner;
  }
  return undefined;
}

/** The entities of the units; of two units with one kind and name, the first wins (reported). */
export function unitEntities(
  units: Unit[],
  context: MappingContext,
): UnitEntity[] {
  const folderOfName = new Map<string, string>();
  const mapped: UnitEntity[] = [];
  const deployed = countDeployed(units);
  for (const unit of units) {
    const kind = unit.role === 'app' ? 'Component' : 'Resource';
    const clash = folderOfName.get(`${kind}:${unit.name}`);
    if (clash) {
      context.problems.push({
        code: 'entity-name-clash',
        severity: 'warning',
        file: unit.folder,
        message: `${unit.folder} and ${clash} both map to ${kind} ${unit.name}; only ${clash} is ingested`,
      });
      continue;
    }
    folderOfName.set(`${kind}:${unit.name}`, unit.folder);
    mapped.push(unitEntity(unit, kind, context, deployed));
  }
  return mapped;
}

function unitEntity(
  unit: Unit,
  kind: 'Component' | 'Resource',
  context: MappingContext,
  deployed: ReadonlyMap<string, number>,
): UnitEntity {
  const owner = ownerRef(ownerOf(unit, context) ?? context.defaultOwner);
  const explicitSystem = unitAnnotation(unit, ANNOTATION_SYSTEM);
  const system =
    explicitSystem ??
    unitLabel(unit, APP_PART_OF_LABEL) ??
    systemFolderOf({ folder: unit.folder, inFile: unit.key !== unit.folder }, [
      ...context.rules.appsRoots,
      ...context.rules.infrastructureRoots,
    ]);
  const chart = unit.helmReleases[0]?.chart;
  const entity: CatalogEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: unit.name,
      description:
        unitAnnotation(unit, ANNOTATION_DESCRIPTION) ??
        (chart
          ? `${unit.name} (Helm chart ${chart})`
          : `${unit.name} from ${unit.folder}`),
      annotations: unitAnnotations(unit, context, deployed),
      tags: [unit.role === 'app' ? 'flux-app' : 'flux-infrastructure'],
    },
    spec:
      kind === 'Component'
        ? {
            type: context.rules.overrides[unit.name]?.type ?? 'service',
            lifecycle:
              unitAnnotation(unit, ANNOTATION_LIFECYCLE) ?? 'production',
            owner,
            system,
          }
        : { type: resourceTypeOf(unit, context.rules), owner, system },
  };
  return { unit, entity, explicitSystem: explicitSystem !== undefined };
}
