/**
 * The entity mapping's public surface: what the catalog module, the
 * `flux-portal entities|graph` CLI and the scaffolder's plan use.
 */
export { ingestMonorepo } from './ingestMonorepo';
export type { IngestOptions, Ingestion } from './ingestMonorepo';
export { monorepoToEntities } from './monorepoToEntities';
export type { EntityMappingResult } from './monorepoToEntities';
export type {
  CatalogEntity,
  DependencyReason,
  EntityDependency,
  EntityMappingOptions,
  JsonObject,
  JsonValue,
  LocationAnnotator,
} from './types';
export {
  localLocationAnnotator,
  urlLocationAnnotator,
} from './localLocationAnnotator';
export { entityGraph, graphToDot, graphToMermaid } from './entityGraph';
export type {
  EntityGraph,
  GraphEdge,
  GraphEdgeType,
  GraphNode,
} from './entityGraph';
export {
  DEFAULT_MAPPING_RULES,
  MappingRulesError,
  parseMappingRules,
} from './rules/mappingRules';
export type {
  EntityOverride,
  MappingRules,
  OwnerSource,
} from './rules/mappingRules';
export {
  INFRASTRUCTURE_CHARTS,
  INFRASTRUCTURE_FOLDERS,
  INFRASTRUCTURE_NAMESPACES,
  infrastructureChart,
} from './rules/infrastructure';
export type { InfrastructureChart } from './rules/infrastructure';
