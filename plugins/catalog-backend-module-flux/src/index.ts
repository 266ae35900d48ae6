/**
 * Catalog module that ingests a FluxCD monorepo's apps, infrastructure
 * components and clusters as entities with their dependency relations.
 *
 * @packageDocumentation
 */
export { catalogModuleFluxMonorepo as default } from './module';
export { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
export type { RefreshOutcome } from './FluxMonorepoEntityProvider';
export {
  FluxMonorepoLocationProcessor,
  FLUX_MONOREPO_LOCATION_TYPE,
} from './FluxMonorepoLocationProcessor';
export { readProviderConfigs } from './config';
export type { FluxMonorepoProviderConfig } from './config';
export { checkRemoval } from './removalGuard';
// The entity mapping (shared with the `flux-portal entities|graph` CLI).
export * from './mapping';
