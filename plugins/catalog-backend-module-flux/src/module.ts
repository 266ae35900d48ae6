import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { FluxMonorepoEntityProvider } from './FluxMonorepoEntityProvider';
import { FluxMonorepoLocationProcessor } from './FluxMonorepoLocationProcessor';

/**
 * Catalog module: ingests the Flux monorepos of `catalog.providers.fluxMonorepo`
 * and handles `flux-monorepo` locations.
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({ catalog, config, logger, scheduler, urlReader }) {
        catalog.addEntityProvider(FluxMonorepoEntityProvider.fromConfig(config, { logger, scheduler, urlReader }));
        catalog.addProcessor(
          new FluxMonorepoLocationProcessor({ urlReader, integrations: ScmIntegrations.fromConfig(config), logger }),
        );
      },
    });
  },
});
