/**
 * Reconcile, suspend and resume of an object that deploys the entity, after
 * a permission check; every attempt is audited, allowed or not.
 */
import { Request } from 'express';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  FluxAction,
  FluxActionImpact,
  FluxActionRequest,
  FluxActionResult,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
  KUSTOMIZATION_KIND,
} from '@flux-portal/plugin-flux-common';
import {
  deploysEntity,
  entityFluxObjects,
} from '../../status/entityFluxObjects';
import { parseActionRequest } from '../parseActionRequest';
import { assessActionImpact, blastRadiusRefusal } from './actionImpact';
import { entityRefOf } from './EntityAccess';
import { RouteContext } from './RouteContext';

const ACTIONS: Record<FluxAction, ResourcePermission<'catalog-entity'>> = {
  reconcile: fluxEntityReconcilePermission,
  suspend: fluxEntitySuspendPermission,
  resume: fluxEntitySuspendPermission,
};

/** Only an object that deploys the entity may be acted on through its page. */
function requireDeploys(
  entity: Entity,
  entityRef: string,
  request: FluxActionRequest,
): void {
  if (!deploysEntity(entityFluxObjects(entity), request)) {
    throw new InputError(
      `${request.kind} ${request.namespace}/${request.name} in cluster '${request.cluster}' does not deploy ${entityRef}`,
    );
  }
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
  requireDeploys(entity, entityRef, request);
  if (request.kind === KUSTOMIZATION_KIND) {
    const impact = await assessActionImpact(
      access,
      req,
      entity,
      action,
      ACTIONS[action],
      request,
    );
    if (impact.denied > 0)
      throw new NotAllowedError(blastRadiusRefusal(impact));
  }
  const watcher = clusters.watcher(request.cluster);
  if (!watcher)
    throw new NotFoundError(`Cluster '${request.cluster}' is not configured`);
  return actions.run(watcher, action, request);
}

function actionOf(req: Request): FluxAction {
  const action = req.params.action as FluxAction;
  if (!Object.hasOwn(ACTIONS, action))
    throw new InputError(
      `Unknown action '${req.params.action}'; use reconcile, suspend or resume`,
    );
  return action;
}

export function addActionRoutes(context: RouteContext): void {
  const { router, auditor, logger, access } = context;
  // what an action would touch, for its confirmation; changes nothing, so not audited
  router.post(
    '/entities/:kind/:namespace/:name/actions/:action/impact',
    async (req, res) => {
      const action = actionOf(req);
      const request = parseActionRequest(req.body);
      const entity = await access.readableEntity(req, entityRefOf(req));
      requireDeploys(entity, entityRefOf(req), request);
      const impact: FluxActionImpact = await assessActionImpact(
        access,
        req,
        entity,
        action,
        ACTIONS[action],
        request,
      );
      res.json(impact);
    },
  );
  router.post(
    '/entities/:kind/:namespace/:name/actions/:action',
    async (req, res) => {
      const action = actionOf(req);
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
