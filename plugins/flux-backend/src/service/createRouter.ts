/**
 * The HTTP API (`/api/flux`), see the contract in flux-common's rest/types.
 * Reads are served from the cluster caches; actions patch the cluster after
 * a permission check, and every action attempt is audited.
 */
import express, { Request } from 'express';
import Router from 'express-promise-router';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { stringifyEntityRef, Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  FluxAction,
  FluxEntityStates,
  FluxObjectRef,
  FluxState,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
  STATE_SEVERITY,
} from '@flux-portal/plugin-flux-common';
import { FluxClusters } from '../clusters/FluxClusters';
import { FluxActions } from '../actions/FluxActions';
import { deploysEntity, entityFluxObjects } from '../status/entityFluxObjects';
import { FluxStatusService } from './FluxStatusService';
import { EntityLoader } from './EntityLoader';
import { openSse } from './sse';
import { parseActionRequest } from './parseActionRequest';
import { ReadAuthorizer } from './ReadAuthorizer';

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

const ACTIONS: Record<FluxAction, ResourcePermission<'catalog-entity'>> = {
  reconcile: fluxEntityReconcilePermission,
  suspend: fluxEntitySuspendPermission,
  resume: fluxEntitySuspendPermission,
};

function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap(v => String(v).split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    clusters,
    status,
    actions,
    entities,
    httpAuth,
    permissions,
    auditor,
  } = options;
  const throttleMs = options.streamThrottleMs ?? 250;
  const reads = new ReadAuthorizer(permissions, options.readDecisionTtlMs);
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  function refFromParams(req: Request): string {
    return stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
  }

  async function authorized(
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function readableEntity(
    req: Request,
    entityRef: string,
  ): Promise<Entity> {
    const entity = await entities.load(entityRef);
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    if (!(await reads.canRead(await httpAuth.credentials(req), entityRef))) {
      throw new NotAllowedError(
        `You are not allowed to read the Flux status of ${entityRef}`,
      );
    }
    return entity;
  }

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const entity = await readableEntity(req, refFromParams(req));
    const body = status.entityStatusBody(entity);
    res.type('application/json');
    res.setHeader('ETag', body.etag);
    res.vary('Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(body.json);
  });

  router.post(
    '/entities/:kind/:namespace/:name/actions/:action',
    async (req, res) => {
      const entityRef = refFromParams(req);
      const action = req.params.action as FluxAction;
      const permission = ACTIONS[action];
      if (!permission)
        throw new InputError(
          `Unknown action '${req.params.action}'; use reconcile, suspend or resume`,
        );
      const request = parseActionRequest(req.body);
      const auditEvent = await auditor.createEvent({
        eventId: 'flux-action',
        severityLevel: 'medium',
        request: req,
        meta: {
          action,
          entityRef,
          cluster: request.cluster,
          kind: request.kind,
          namespace: request.namespace,
          name: request.name,
          withSource: request.withSource ?? false,
        },
      });
      try {
        const entity = await entities.load(entityRef);
        if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
        if (!(await authorized(req, permission, entityRef))) {
          throw new NotAllowedError(
            `You are not allowed to ${action} the Flux objects of ${entityRef}`,
          );
        }
        if (!deploysEntity(entityFluxObjects(entity), request)) {
          throw new InputError(
            `${request.kind} ${request.namespace}/${request.name} in cluster '${request.cluster}' does not deploy ${entityRef}`,
          );
        }
        const watcher = clusters.watcher(request.cluster);
        if (!watcher)
          throw new NotFoundError(
            `Cluster '${request.cluster}' is not configured`,
          );
        const result = await actions.run(watcher, action, request);
        await auditEvent.success({
          meta: { requestedAt: result.requestedAt ?? null },
        });
        options.logger.info(
          `Flux ${action} of ${request.kind} ${request.namespace}/${request.name} in ${request.cluster} for ${entityRef}`,
        );
        res.json(result);
      } catch (error) {
        await auditEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );

  router.get('/runtime', async (_req, res) => {
    res.json(status.runtime());
  });

  router.get('/objects', async (req, res) => {
    const states = list(req.query.state);
    for (const s of states ?? []) {
      if (!(STATE_SEVERITY as readonly string[]).includes(s))
        throw new InputError(
          `Unknown state '${s}'; use ${STATE_SEVERITY.join(', ')}`,
        );
    }
    const limit =
      req.query.limit !== undefined ? Number(req.query.limit) : undefined;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new InputError(`'limit' must be a positive integer`);
    res.json(
      status.objects({
        cluster: list(req.query.cluster),
        namespace: list(req.query.namespace),
        kind: list(req.query.kind),
        state: states as FluxState[] | undefined,
        q: typeof req.query.q === 'string' ? req.query.q : undefined,
        limit,
      }),
    );
  });

  router.post('/entity-states', async (req, res) => {
    const refs = req.body?.entityRefs;
    if (
      !Array.isArray(refs) ||
      refs.some(r => typeof r !== 'string') ||
      refs.length > 1000
    ) {
      throw new InputError(
        `Body must be {"entityRefs": [string, …]} with at most 1000 refs`,
      );
    }
    const found = await entities.loadMany(refs);
    const credentials = await httpAuth.credentials(req);
    const readable = await Promise.all(
      refs.map(ref => reads.canRead(credentials, ref)),
    );
    const result: FluxEntityStates = { states: {} };
    found.forEach((entity, i) => {
      if (!entity || !readable[i]) return;
      if (entityFluxObjects(entity).clusters.length === 0) return;
      result.states[refs[i]] = status.entityStatus(entity, false).state;
    });
    res.json(result);
  });

  router.get('/stream', async (req, res) => {
    const entityRef =
      typeof req.query.entityRef === 'string' ? req.query.entityRef : undefined;
    if (entityRef) {
      const entity = await readableEntity(req, entityRef);
      const channel = openSse(req, res);
      let last = '';
      let lastStatus: unknown;
      let timer: NodeJS.Timeout | undefined;
      const push = () => {
        timer = undefined;
        const current = status.entityStatus(entity);
        // a reused status is unchanged: no need to compare its content
        if (current === lastStatus) return;
        lastStatus = current;
        const { generatedAt, ...comparable } = current;
        const key = JSON.stringify(comparable);
        if (key === last) return;
        last = key;
        channel.send('status', current);
      };
      push();
      const off = clusters.onChange(() => {
        timer ??= setTimeout(push, throttleMs);
      }, entityFluxObjects(entity).clusters);
      channel.onClose(() => {
        off();
        clearTimeout(timer);
      });
      return;
    }
    const channel = openSse(req, res);
    let pending = new Map<string, FluxObjectRef>();
    let timer: NodeJS.Timeout | undefined;
    const off = clusters.onChange(ref => {
      pending.set(
        `${ref.cluster}/${ref.kind}/${ref.namespace}/${ref.name}`,
        ref,
      );
      timer ??= setTimeout(() => {
        timer = undefined;
        const batch = [...pending.values()];
        pending = new Map();
        channel.send('change', batch);
      }, throttleMs);
    });
    channel.onClose(() => {
      off();
      clearTimeout(timer);
    });
  });

  return router;
}
