/**
 * A System per group of units (`app.kubernetes.io/part-of`, the system
 * annotation, else the group folder of systemFolder.ts), owned by its members'
 * most common owner.
 */
import type { MonorepoModel } from '@flux-portal/flux-engine';
import type { MappingContext } from './mappingContext';
import type { CatalogEntity } from './types';
import type { UnitEntity } from './unitEntities';

interface SystemMembers {
  owners: string[];
  members: CatalogEntity[];
  /** named by the system annotation: always kept */
  explicit: boolean;
}

/** The systems the unit entities name, by name; self-named single-member ones are dropped. */
export function groupSystems(mapped: UnitEntity[]): Map<string, SystemMembers> {
  const systems = new Map<string, SystemMembers>();
  for (const { entity, explicitSystem } of mapped) {
    const name = entity.spec.system as string;
    const system = systems.get(name) ?? {
      owners: [],
      members: [],
      explicit: false,
    };
    system.owners.push(entity.spec.owner as string);
    system.members.push(entity);
    system.explicit ||= explicitSystem;
    systems.set(name, system);
  }
  dropSelfNamedSystems(systems);
  return systems;
}

/**
 * `app.kubernetes.io/part-of` names the higher-level application a workload
 * belongs to; a group whose only member carries its own name (a service
 * labelled part-of itself) has none, and a System holding just that one
 * entity under the same name adds nothing to the catalog but an entity to
 * process, stitch and browse past. Such members get no system, unless the
 * flux-portal.io/system annotation asks for it.
 */
function dropSelfNamedSystems(systems: Map<string, SystemMembers>) {
  for (const [name, { members, explicit }] of systems) {
    if (
      !explicit &&
      members.length === 1 &&
      members[0].metadata.name === name
    ) {
      delete members[0].spec.system;
      systems.delete(name);
    }
  }
}

export function systemEntities(
  systems: Map<string, SystemMembers>,
  model: MonorepoModel,
  context: MappingContext,
): CatalogEntity[] {
  return [...systems].map(([name, { owners }]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      title: titleCase(name),
      description: `The ${name} group of the Flux monorepo`,
      annotations: context.locate(model.entries[0]?.path ?? '', undefined),
    },
    spec: { owner: mostCommon(owners) ?? context.defaultOwner },
  }));
}

/** The most frequent value; ties go to the first in alphabetical order. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

function titleCase(name: string): string {
  return name
    .split(/[-_]/)
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
