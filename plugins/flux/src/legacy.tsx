/**
 * Exports for apps still on the legacy frontend system
 * (`@backstage/core-plugin-api` createPlugin and extensions).
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { fluxApiRef } from './api/FluxApi';
import { FluxClient } from './api/FluxClient';

/** @public */
export const legacyFluxRouteRef = createRouteRef({ id: 'flux' });

/** @public */
export const legacyFluxPlugin = createPlugin({
  id: 'flux',
  apis: [
    createApiFactory({
      api: fluxApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FluxClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: legacyFluxRouteRef },
});

/** The entity page's Flux tab, for `EntityLayout.Route`. @public */
export const EntityFluxContent: () => JSX.Element = legacyFluxPlugin.provide(
  createComponentExtension({
    name: 'EntityFluxContent',
    component: {
      lazy: () =>
        import('./components/EntityFluxContent').then(m => m.EntityFluxContent),
    },
  }),
);

/** The overview card. @public */
export const EntityFluxStatusCard: () => JSX.Element = legacyFluxPlugin.provide(
  createComponentExtension({
    name: 'EntityFluxStatusCard',
    component: {
      lazy: () =>
        import('./components/EntityFluxStatusCard').then(
          m => m.EntityFluxStatusCard,
        ),
    },
  }),
);

/** The Flux page, for a `<Route path="/flux">`. @public */
export const FluxRuntimePage: () => JSX.Element = legacyFluxPlugin.provide(
  createRoutableExtension({
    name: 'FluxRuntimePage',
    component: () =>
      import('./components/FluxRuntimePage').then(m => m.FluxRuntimePage),
    mountPoint: legacyFluxRouteRef,
  }),
);
