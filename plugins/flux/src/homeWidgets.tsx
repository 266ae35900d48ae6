/**
 * Widgets for Backstage's home page (new frontend system): failing Flux
 * objects, the signed-in user's entities' Flux state, and recent deploys.
 * Each loads lazily; the names are what `page:home`'s `defaultConfig`
 * places (see the README).
 */
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/** @public */
export const fluxFailingObjectsWidget = HomePageWidgetBlueprint.make({
  name: 'flux-failing',
  params: {
    name: 'FluxFailingObjects',
    title: 'Failing Flux objects',
    description: 'The Kustomizations, HelmReleases and sources failing now',
    components: () =>
      import('./components/home').then(m => ({
        Content: m.FailingObjectsWidget,
      })),
  },
});

/** @public */
export const fluxMyEntitiesWidget = HomePageWidgetBlueprint.make({
  name: 'flux-my-entities',
  params: {
    name: 'FluxMyEntities',
    title: "My entities' Flux state",
    description: 'The Flux state of every entity you or your groups own',
    components: () =>
      import('./components/home').then(m => ({
        Content: m.MyEntitiesWidget,
      })),
  },
});

/** @public */
export const fluxRecentDeploysWidget = HomePageWidgetBlueprint.make({
  name: 'flux-deploys',
  params: {
    name: 'FluxRecentDeploys',
    title: 'Recent deploys',
    description:
      'Helm releases and Kustomization applies that changed objects, newest first',
    components: () =>
      import('./components/home').then(m => ({
        Content: m.RecentDeploysWidget,
      })),
  },
});
