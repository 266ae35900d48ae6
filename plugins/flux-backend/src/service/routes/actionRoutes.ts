/**
 * Reconcile, suspend and resume of an object that deploys the entity, after
 * a permission check; every attempt is audited, allowed or not.
 */
import { Request } from 'express';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  FluxAction,
  FluxActionRequest,
  FluxActionResult,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
  KUSTOMIZATION_KIND,
} from '@flux-portal/plugin-flux-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  deploysEntity,
  entityFluxObjects,
} from '../../status/entityFluxObjects';
import { parseActionRequest } from '../parseActionRequest';
import { entityRefOf } from './EntityAccess';
import { RouteContext } from './RouteContext';

const ACTIONS: Record<FluxAction, ResourcePermission<'catalog-entity'>> = {
  reconcile: fluxEntityReconcilePermission,
  suspend: fluxEntitySuspendPermission,
  resume: fluxEntitySuspendPermission,
};

/**
 * A Kustomization deploys every entity that names it: acting on it acts on
 * all of them. The caller needs the action's permission on each (the
 * policy grants it to admin groups, and to owners entity by entity), not
 * only on the entity whose page the request came from.
 */
async function checkBlastRadius(
  context: RouteContext,
  req: Request,
  action: FluxAction,
  request: FluxActionRequest,
): Promise<void> {
  if (request.kind !== KUSTOMIZATION_KIND) return;
  const { access } = context;
  const deployed = await access.entities.deployedBy(request.cluster, request);
  const denied = await access.deniedAmong(
    req,
    ACTIONS[action],
    deployed.map(e => stringifyEntityRef(e)),
  );
  if (denied.length === 0) return;
  const owners = new Set(deployed.map(e => String(e.spec?.owner ?? '?')));
  const shown = denied.slice(0, 5).join(', ');
  throw new NotAllowedError(
    `Kustomization ${request.namespace}/${request.name} in cluster '${
      request.cluster
    }' deploys ${deployed.length} entities of ${
      owners.size
    } owner(s); to ${action} it you need that permission on all of them (as a member of flux.adminGroups, or owning each), and you lack it on ${
      denied.length
    }: ${shown}${denied.length > 5 ? ', …' : ''}`,
  );
}

/** Checks everything that may refuse an action, then runs it. */
async function runAction(
  context: RouteContext,
  req: Request,
  action: FluxAction,
  request: FluxActionRequest,
): Promise<FluxActionResult> {
  const { access, clusters, actions } = context;
  const entityRef = entityRefOf(req);
  const entity = await access.entities.load(entityRef);
  if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
  if (!(await access.mayAct(req, ACTIONS[action], entityRef))) {
    throw new NotAllowedError(
      `You are not allowed to ${action} the Flux objects of ${entityRef}`,
    );
  }
  if (!deploysEntity(entityFluxObjects(entity), request)) {
    throw new InputError(
      `${request.kind} ${request.namespace}/${request.name} in cluster '${request.cluster}' does not deploy ${entityRef}`,
    );
  }
  await checkBlastRadius(context, req, action, request);
  const watcher = clusters.watcher(request.cluster);
  if (!watcher)
    throw new NotFoundError(`Cluster '${request.cluster}' is not configured`);
  return actions.run(watcher, action, request);
}

export function addActionRoutes(context: RouteContext): void {
  const { router, auditor, logger } = context;
  router.post(
    '/entities/:kind/:namespace/:name/actions/:action',
    async (req, res) => {
      const action = req.params.action as FluxAction;
      if (!ACTIONS[action])
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
          entityRef: entityRefOf(req),
          cluster: request.cluster,
          kind: request.kind,
          namespace: request.namespace,
          name: request.name,
          withSource: request.withSource ?? false,
        },
      });
      try {
        const result = await runAction(context, req, action, request);
        await auditEvent.success({
          meta: { requestedAt: result.requestedAt ?? null },
        });
        logger.info(
          `Flux ${action} of ${request.kind} ${request.namespace}/${
            request.name
          } in ${request.cluster} for ${entityRefOf(req)}`,
        );
        res.json(result);
      } catch (error) {
        await auditEvent.fail({ error: error as Error });
        throw error;
      }
    },
  );
}
