/**
 * Maps a loaded monorepo to catalog entities: a Resource per cluster, a
 * Component per app, a Resource per infrastructure component, a System per
 * group, an API per Kafka topic or RabbitMQ queue, and the dependencies
 * between them. Pure: the catalog module and the CLI call it alike.
 */
import type { EngineProblem } from '@flux-portal/kustomize';
import type { MonorepoModel } from '@flux-portal/flux-engine';
import { clusterEntities } from './clusterEntities';
import { inferDependencies } from './dependencies/inferDependencies';
import { DependencyRelations } from './dependencyRelations';
import { mappingContext } from './mappingContext';
import { messagingApis } from './messagingApis';
import { groupSystems, systemEntities } from './systems';
import type {
  CatalogEntity,
  EntityDependency,
  EntityMappingOptions,
} from './types';
import { unitEntities } from './unitEntities';
import { groupUnits } from './units/groupUnits';

// One collator for the sort: String.prototype.localeCompare builds one per call.
const collator = new Intl.Collator();

/** @public */
export interface EntityMappingResult {
  entities: CatalogEntity[];
  /** every `dependsOn` relation written, with why it exists */
  dependencies: EntityDependency[];
  problems: EngineProblem[];
}

/** @public */
export function monorepoToEntities(
  model: MonorepoModel,
  options: EntityMappingOptions = {},
): EntityMappingResult {
  const context = mappingContext(options, model);
  const units = groupUnits(model, options.clusters, context.rules);
  const clusters = clusterEntities(model, context);
  const mapped = unitEntities(units, context);
  // before the APIs: they take their broker's system, which this may drop
  const systems = groupSystems(mapped);

  const relations = new DependencyRelations();
  relations.addUnitDependencies(inferDependencies(model, units), mapped);
  relations.addClusters(mapped, context.clusterName);
  const appsAndInfrastructure = mapped.map(m => m.entity);
  const apis = messagingApis(
    mapped,
    [...clusters, ...appsAndInfrastructure], // where the broker Resource is looked up
    relations,
    context,
  );
  relations.writeSpecs();

  const entities = [
    ...clusters,
    ...appsAndInfrastructure,
    ...apis,
    ...systemEntities(systems, model, context),
  ].sort(
    (a, b) =>
      collator.compare(a.kind, b.kind) ||
      collator.compare(a.metadata.name, b.metadata.name),
  );
  return {
    entities,
    dependencies: relations.dependencies,
    problems: context.problems,
  };
}
