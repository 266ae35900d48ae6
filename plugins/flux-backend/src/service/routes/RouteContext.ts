/** What the route handlers share: the backend's services and the caller's access. */
import express from 'express';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { FluxClusters } from '../../clusters/FluxClusters';
import { FluxActions } from '../../actions/FluxActions';
import { FluxStatusService } from '../FluxStatusService';
import { EntityAccess } from './EntityAccess';

export interface RouteContext {
  router: express.Router;
  clusters: FluxClusters;
  status: FluxStatusService;
  actions: FluxActions;
  access: EntityAccess;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  /** Minimum time between two events of one stream. */
  streamThrottleMs: number;
}
