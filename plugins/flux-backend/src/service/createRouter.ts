/**
 * The HTTP API (`/api/flux`), see the contract in flux-common's rest/types.
 * Reads are served from the cluster caches; actions patch the cluster after
 * a permission check, and every action attempt is audited. The handlers
 * live in routes/, one file per concern.
 */
import express from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { FluxClusters } from '../clusters/FluxClusters';
import { FluxActions } from '../actions/FluxActions';
import { FluxStatusService } from './FluxStatusService';
import { EntityLoader } from './EntityLoader';
import { EntityAccess } from './routes/EntityAccess';
import { RouteContext } from './routes/RouteContext';
import { addStatusRoutes } from './routes/statusRoutes';
import { addActionRoutes } from './routes/actionRoutes';
import { addOverviewRoutes } from './routes/overviewRoutes';
import { addStreamRoutes } from './routes/streamRoutes';

export interface RouterOptions {
  clusters: FluxClusters;
  status: FluxStatusService;
  actions: FluxActions;
  entities: EntityLoader;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  /** Minimum time between two status events of one stream (default 250 ms). */
  streamThrottleMs?: number;
  /** How long a flux.entity.read decision is reused per caller and entity (default 10000 ms). */
  readDecisionTtlMs?: number;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  const context: RouteContext = {
    router,
    clusters: options.clusters,
    status: options.status,
    actions: options.actions,
    access: new EntityAccess(
      options.entities,
      options.httpAuth,
      options.permissions,
      options.readDecisionTtlMs,
    ),
    httpAuth: options.httpAuth,
    auditor: options.auditor,
    logger: options.logger,
    streamThrottleMs: options.streamThrottleMs ?? 250,
  };
  addStatusRoutes(context);
  addActionRoutes(context);
  addOverviewRoutes(context);
  addStreamRoutes(context);
  return router;
}
