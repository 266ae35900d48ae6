/**
 * Flux status backend: watches Flux objects in every configured cluster and
 * serves each catalog entity's reconcile state, with reconcile, suspend and
 * resume behind Backstage permissions.
 *
 * @packageDocumentation
 */
export { fluxPlugin as default } from './plugin';
export { readFluxConfig, FLUX_CONFIG_DEFAULTS } from './config/readFluxConfig';
export type { FluxConfig } from './config/readFluxConfig';
export { readClusterConfigs } from './clusters/readClusterConfigs';
export type { FluxClusterConfig } from './clusters/readClusterConfigs';
export { WATCHED_KINDS, APPLIER_KINDS } from './clusters/watchedKinds';
export type { WatchedKind } from './clusters/watchedKinds';
