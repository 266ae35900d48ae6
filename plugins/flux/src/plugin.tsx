/**
 * The plugin for Backstage's new frontend system: the FluxApi, the entity
 * "Flux" tab and overview card (for entities with the clusters annotation),
 * the Flux page with its nav item, and a catalog "Flux state" filter.
 * Every view loads lazily, so the app's first bundle does not grow.
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_PART,
} from '@backstage/catalog-model';
import { ANNOTATION_CLUSTERS } from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from './api/FluxApi';
import { FluxClient } from './api/FluxClient';
import { fluxPageRouteRef } from './routes';
import { fluxIcon } from './FluxIcon';
import {
  fluxFailingObjectsWidget,
  fluxMyEntitiesWidget,
  fluxRecentDeploysWidget,
} from './homeWidgets';

const hasFluxAnnotation = {
  [`metadata.annotations.${ANNOTATION_CLUSTERS}`]: { $exists: true },
};

/** @public */
export const fluxApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: fluxApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FluxClient({ discoveryApi, fetchApi }),
    }),
});

/** @public */
export const entityFluxContent = EntityContentBlueprint.make({
  name: 'flux',
  params: {
    path: '/flux',
    title: 'Flux',
    // a tab of its own, not hidden in a group's menu: it is what people open the page for
    filter: hasFluxAnnotation,
    loader: () =>
      import('./components/EntityFluxContent').then(m => (
        <m.EntityFluxContent />
      )),
  },
});

/** @public */
export const entityFluxStatusCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'info',
    filter: hasFluxAnnotation,
    loader: () =>
      import('./components/EntityFluxStatusCard').then(m => (
        <m.EntityFluxStatusCard />
      )),
  },
});

/**
 * What depends on a Resource or Component, with each dependent's Flux state
 * and counts by state: who is hit when it fails.
 * @public
 */
export const entityFluxDependentsCard = EntityCardBlueprint.make({
  name: 'dependents',
  params: {
    type: 'content',
    filter: { kind: { $in: ['resource', 'component'] } },
    loader: () =>
      import('./components/RelatedFluxStates').then(m => (
        <m.RelatedFluxStatesCard
          title="Depended on by"
          relationType={RELATION_DEPENDENCY_OF}
          emptyText="Nothing in the catalog depends on it."
        />
      )),
  },
});

/**
 * A System's members with their Flux states, and its health: the worst of
 * them.
 * @public
 */
export const entityFluxSystemHealthCard = EntityCardBlueprint.make({
  name: 'system-health',
  params: {
    type: 'content',
    filter: { kind: 'system' },
    loader: () =>
      import('./components/RelatedFluxStates').then(m => (
        <m.RelatedFluxStatesCard
          title="Members"
          relationType={RELATION_HAS_PART}
          emptyText="The system has no members in the catalog."
          rollUp
        />
      )),
  },
});

/** @public */
export const fluxPage = PageBlueprint.make({
  params: {
    path: '/flux',
    title: 'Flux',
    icon: fluxIcon,
    routeRef: fluxPageRouteRef,
    loader: () =>
      import('./components/FluxRuntimePage').then(m => <m.FluxPageContent />),
  },
});

/** @public */
export const catalogFluxStateFilter = CatalogFilterBlueprint.make({
  name: 'flux-state',
  params: {
    loader: () =>
      import('./components/CatalogFluxState').then(m => (
        <m.FluxStateFilterPicker />
      )),
  },
});

/** @public */
export const fluxPlugin = createFrontendPlugin({
  pluginId: 'flux',
  title: 'Flux',
  icon: fluxIcon,
  info: { packageJson: () => import('../package.json') },
  routes: { root: fluxPageRouteRef },
  extensions: [
    fluxApi,
    entityFluxContent,
    entityFluxStatusCard,
    entityFluxDependentsCard,
    entityFluxSystemHealthCard,
    fluxPage,
    catalogFluxStateFilter,
    fluxFailingObjectsWidget,
    fluxMyEntitiesWidget,
    fluxRecentDeploysWidget,
  ],
});
