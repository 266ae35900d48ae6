import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAddAppAction } from './actions/addApp';
import { createAddClusterAction } from './actions/addCluster';
import { createAddInfraAction } from './actions/addInfra';

/**
 * Scaffolder module adding the `flux:monorepo:*` actions.
 *
 * @public
 */
export const scaffolderModuleFluxMonorepo = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'flux-monorepo',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
      },
      async init({ scaffolder, config, reader }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          createAddAppAction({ integrations, reader }),
          createAddInfraAction({ integrations, reader }),
          createAddClusterAction({ integrations, reader }),
        );
      },
    });
  },
});
