import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createLocationPushRefresher } from './events/locationPushRefresh';
import { subscribePushRefresh } from './events/subscribePushRefresh';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import {
  FLUX_MONOREPO_LOCATION_TYPE,
  FluxMonorepoLocationProcessor,
} from './FluxMonorepoLocationProcessor';

/**
 * Catalog module: ingests the Flux monorepos of `catalog.providers.fluxMonorepo`
 * and handles `flux-monorepo` locations. Refreshes a provider, or a
 * registered `flux-monorepo` Location, on a push to its repository and branch
 * (GitHub, GitLab, Gitea, Bitbucket Cloud and Server, Azure DevOps push
 * topics of the events service: src/events).
 *
 * @public
 */
export const catalogModuleFluxMonorepo = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'flux-monorepo',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        events: eventsServiceRef,
        catalogService: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({
        catalog,
        locations,
        config,
        database,
        logger,
        scheduler,
        urlReader,
        events,
        catalogService,
        auth,
      }) {
        // The catalog API only registers locations of allowed types (default
        // just 'url'); the extension point replaces the list, so keep 'url'.
        locations.setAllowedLocationTypes(['url', FLUX_MONOREPO_LOCATION_TYPE]);
        const providers = FluxMonorepoEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          urlReader,
          database,
        });
        catalog.addEntityProvider(providers);
        await subscribePushRefresh({
          events,
          providers,
          logger,
          refreshLocations: createLocationPushRefresher({
            catalog: catalogService,
            auth,
            logger,
          }),
        });
        catalog.addProcessor(
          new FluxMonorepoLocationProcessor({
            urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            logger,
          }),
        );
      },
    });
  },
});
