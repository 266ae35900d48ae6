import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { subscribePushRefresh } from './events/subscribePushRefresh';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import {
  FLUX_MONOREPO_LOCATION_TYPE,
  FluxMonorepoLocationProcessor,
} from './FluxMonorepoLocationProcessor';

/**
 * Catalog module: ingests the Flux monorepos of `catalog.providers.fluxMonorepo`
 * and handles `flux-monorepo` locations. Refreshes a provider on a GitHub or
 * GitLab push to its repository and branch (topics `github.push` and
 * `gitlab.push` of the events service).
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
        await subscribePushRefresh({ events, providers, logger });
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
