/**
 * What an action would touch: a Kustomization deploys every entity that
 * names it in that cluster, so acting on it acts on all of them; any other
 * object deploys only the entity asked for. Used both to answer "what would
 * this touch" before a confirmation and to refuse an action whose caller
 * lacks the permission on any entity it touches.
 */
import { Request } from 'express';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  FluxAction,
  FluxActionImpact,
  FluxActionRequest,
  KUSTOMIZATION_KIND,
} from '@flux-portal/plugin-flux-common';
import { EntityAccess } from './EntityAccess';

export async function assessActionImpact(
  access: EntityAccess,
  req: Request,
  entity: Entity,
  action: FluxAction,
  permission: ResourcePermission<'catalog-entity'>,
  request: FluxActionRequest,
): Promise<FluxActionImpact> {
  const entityRef = stringifyEntityRef(entity);
  const touched =
    request.kind === KUSTOMIZATION_KIND
      ? await access.entities.deployedBy(request.cluster, request)
      : [];
  // the entity asked for is always touched, even if the catalog has not caught up
  if (!touched.some(e => stringifyEntityRef(e) === entityRef)) {
    touched.push(entity);
  }
  const refs = touched.map(e => stringifyEntityRef(e));
  const denied = await access.deniedAmong(req, permission, refs);
  const owners = [
    ...new Set(touched.map(e => String(e.spec?.owner ?? 'unknown'))),
  ].sort();
  return {
    action,
    object: {
      cluster: request.cluster,
      kind: request.kind,
      namespace: request.namespace,
      name: request.name,
    },
    entities: touched.length,
    owners,
    denied: denied.length,
    deniedExamples: denied.slice(0, 5),
  };
}

/** The refusal of an action whose caller lacks the permission on some entity it touches. */
export function blastRadiusRefusal(impact: FluxActionImpact): string {
  const { object, entities, owners, denied, deniedExamples, action } = impact;
  return `${object.kind} ${object.namespace}/${object.name} in cluster '${
    object.cluster
  }' deploys ${entities} entities of ${
    owners.length
  } owner(s); to ${action} it you need that permission on all of them (as a member of flux.adminGroups, or owning each), and you lack it on ${denied}: ${deniedExamples.join(
    ', ',
  )}${denied > deniedExamples.length ? ', …' : ''}`;
}
