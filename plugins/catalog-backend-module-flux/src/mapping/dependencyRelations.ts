/**
 * The `spec.dependsOn` of the mapped entities: inferred between units, on
 * the clusters each unit runs on, and on the APIs a Resource consumes. Each
 * pair once, with the first reason found for it.
 */
import type { UnitDependency } from './dependencies/types';
import { defaultNamespaceRef, entityRef } from './entityRefs';
import type { CatalogEntity, EntityDependency } from './types';
import type { UnitEntity } from './unitEntities';

export class DependencyRelations {
  /** every relation with why it exists, in the order found */
  readonly dependencies: EntityDependency[] = [];
  private readonly refs = new Map<CatalogEntity, Set<string>>();

  add(
    from: CatalogEntity,
    to: string,
    reason: EntityDependency['reason'],
    evidence: string,
  ): void {
    const refs = this.refs.get(from) ?? new Set<string>();
    if (refs.has(to) || to === entityRef(from)) return;
    refs.add(to);
    this.refs.set(from, refs);
    this.dependencies.push({ from: entityRef(from), to, reason, evidence });
  }

  /** Dependencies between units, for the units that became entities. */
  addUnitDependencies(deps: UnitDependency[], mapped: UnitEntity[]): void {
    const byKey = new Map(mapped.map(m => [m.unit.key, m.entity]));
    const refOf = (to: UnitDependency['to']) => {
      if (typeof to === 'string') return to; // a ref from the depends-on annotation
      const entity = byKey.get(to.key);
      return entity && entityRef(entity);
    };
    for (const dep of deps) {
      const from = byKey.get(dep.from.key);
      const to = refOf(dep.to);
      if (from && to) this.add(from, to, dep.reason, dep.evidence);
    }
  }

  /** Every unit depends on the cluster Resources it runs on. */
  addClusters(
    mapped: UnitEntity[],
    clusterName: (cluster: string) => string = c => c,
  ): void {
    for (const { unit, entity } of mapped)
      for (const cluster of unit.clusters)
        this.add(
          entity,
          defaultNamespaceRef('resource', clusterName(cluster)),
          'cluster',
          `runs on ${clusterName(cluster)}`,
        );
  }

  /** Writes `spec.dependsOn`, sorted, on every entity that depends on something. */
  writeSpecs(): void {
    for (const [entity, refs] of this.refs)
      entity.spec.dependsOn = [...refs].sort();
  }
}
