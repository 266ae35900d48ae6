/**
 * The Flux status backend plugin (id `flux`, API at `/api/flux`).
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { fluxPermissions } from '@flux-portal/plugin-flux-common';
import { readFluxConfig } from './config/readFluxConfig';
import { readClusterConfigs } from './clusters/readClusterConfigs';
import { FluxClusters } from './clusters/FluxClusters';
import { FluxActions } from './actions/FluxActions';
import { FluxStatusService } from './service/FluxStatusService';
import { EntityLoader } from './service/EntityLoader';
import { createRouter } from './service/createRouter';

/** @public */
export const fluxPlugin = createBackendPlugin({
  pluginId: 'flux',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        auditor,
        lifecycle,
        catalog,
      }) {
        const flux = readFluxConfig(config);
        const clusterConfigs = readClusterConfigs(config, flux);
        if (clusterConfigs.length === 0) {
          logger.warn(
            'Flux status: no clusters configured (kubernetes.clusterLocatorMethods, flux.kubeconfig or flux.inCluster); every entity will show its clusters as not configured',
          );
        }
        for (const name of flux.clusterDisplays.keys()) {
          // Not an error: a later config file may replace the clusters of
          // an earlier one without being able to remove its flux.clusters.
          if (!clusterConfigs.some(c => c.name === name))
            logger.warn(
              `Flux status: flux.clusters.${name} is shown for no cluster; no cluster of that name is configured`,
            );
        }
        const clusters = new FluxClusters({
          clusters: clusterConfigs,
          logger,
          requestTimeoutMs: flux.requestTimeoutMs,
          maxBackoffMs: flux.maxBackoffMs,
        });
        permissionsRegistry.addPermissions(fluxPermissions);
        httpRouter.use(
          await createRouter({
            clusters,
            status: new FluxStatusService({
              clusters,
              staleAfterIntervals: flux.staleAfterIntervals,
              eventsPerObject: flux.eventsPerObject,
            }),
            actions: new FluxActions(),
            entities: new EntityLoader(catalog, auth),
            httpAuth,
            permissions,
            auditor,
            logger,
          }),
        );
        clusters.start();
        lifecycle.addShutdownHook(() => clusters.stop());
      },
    });
  },
});
