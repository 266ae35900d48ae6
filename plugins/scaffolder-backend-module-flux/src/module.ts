import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAddAppAction } from './actions/addApp';
import { createAddClusterAction } from './actions/addCluster';
import { createAddInfraAction } from './actions/addInfra';
import { createForgeFactory, readGitServers } from './forge/createForgeClient';

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
      },
      async init({ scaffolder, config }) {
        const forges = createForgeFactory(ScmIntegrations.fromConfig(config), {
          gitServers: readGitServers(config),
        });
        scaffolder.addActions(
          createAddAppAction({ forges }),
          createAddInfraAction({ forges }),
          createAddClusterAction({ forges }),
        );
      },
    });
  },
});
