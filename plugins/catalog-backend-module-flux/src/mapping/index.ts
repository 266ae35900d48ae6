export { monorepoToEntities, MANIFEST_ANNOTATIONS } from './monorepoToEntities';
export type { EntityMappingResult } from './monorepoToEntities';
export { entityGraph, graphToMermaid, graphToDot } from './entityGraph';
export type {
  EntityGraph,
  GraphNode,
  GraphEdge,
  GraphEdgeType,
} from './entityGraph';
export { DEPENDS_ON_ANNOTATION } from './inferDependencies';
export { RESOURCE_TYPE_BY_CHART, RESOURCE_TYPE_BY_KIND } from './resourceTypes';
export { channelEntityName } from './messaging';
export type {
  CatalogEntity,
  EntityMappingOptions,
  LocationAnnotator,
  EntityDependency,
  DependencyReason,
} from './types';
export { ingestMonorepo } from './ingestMonorepo';
export type { IngestOptions, Ingestion } from './ingestMonorepo';
export {
  localLocationAnnotator,
  urlLocationAnnotator,
} from './localLocationAnnotator';
