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
