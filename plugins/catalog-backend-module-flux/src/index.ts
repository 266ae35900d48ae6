/**
 * Catalog module that ingests a FluxCD monorepo's apps, infrastructure
 * components and clusters as entities with their dependency relations.
 *
 * Public: the module, its provider and location processor for callers that
 * wire them themselves, and the entity mapping the `flux-portal` CLI and the
 * scaffolder's plans share with the catalog.
 *
 * @packageDocumentation
 */
export { catalogModuleFluxMonorepo as default } from './module';
export { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
export type {
  RefreshOutcome,
  RefreshTrigger,
} from './FluxMonorepoEntityProvider';
export type { FluxMonorepoProviderConfig } from './config';
export type { LastGoodSet, LastGoodStore } from './lastGood/LastGoodStore';
export {
  FluxMonorepoLocationProcessor,
  FLUX_MONOREPO_LOCATION_TYPE,
} from './FluxMonorepoLocationProcessor';
export * from './mapping';
