/**
 * Flux for Backstage: each entity's FluxCD reconcile state, live, with
 * actions; a cluster-wide Flux page; a catalog Flux state filter/column.
 *
 * The default export is the plugin for the new frontend system; the named
 * legacy exports serve apps on the old one.
 *
 * @packageDocumentation
 */
import { fluxPlugin } from './plugin';

export default fluxPlugin;
export {
  fluxPlugin,
  fluxApi,
  entityFluxContent,
  entityFluxStatusCard,
  entityFluxDependentsCard,
  entityFluxSystemHealthCard,
  fluxPage,
  catalogFluxStateFilter,
} from './plugin';
export { fluxPageRouteRef } from './routes';
export { fluxApiRef } from './api/FluxApi';
export type {
  FluxApi,
  FluxEntityRef,
  FluxObjectQuery,
  FluxStreamHandlers,
  FluxUnsubscribe,
} from './api/FluxApi';
export { FluxClient } from './api/FluxClient';
export {
  legacyFluxPlugin,
  legacyFluxRouteRef,
  EntityFluxContent,
  EntityFluxStatusCard,
  FluxRuntimePage,
} from './legacy';
export {
  createFluxStateColumn,
  FluxStateCell,
} from './components/CatalogFluxState/FluxStateCell';
export {
  EntityFluxStateFilter,
  FluxStateFilterPicker,
} from './components/CatalogFluxState/FluxStateFilter';
export { StateChip } from './components/StateChip';
export {
  fluxCatalogModule,
  fluxCatalogPage,
} from './catalog/fluxCatalogModule';
export {
  fluxFailingObjectsWidget,
  fluxMyEntitiesWidget,
  fluxRecentDeploysWidget,
} from './homeWidgets';
