/**
 * Who may see or act on an entity's Flux objects: the entity is loaded with
 * the plugin's own credentials, and the caller's permission is decided
 * (reads batched and reused by ReadAuthorizer, actions one by one).
 */
import { Request } from 'express';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { EntityLoader } from '../EntityLoader';
import { ReadAuthorizer } from '../ReadAuthorizer';

/** The entity ref of a `/entities/:kind/:namespace/:name/…` path. */
export function entityRefOf(req: Request): string {
  return stringifyEntityRef({
    kind: req.params.kind,
    namespace: req.params.namespace,
    name: req.params.name,
  });
}

export class EntityAccess {
  readonly reads: ReadAuthorizer;

  constructor(
    readonly entities: EntityLoader,
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
    readDecisionTtlMs?: number,
  ) {
    this.reads = new ReadAuthorizer(permissions, readDecisionTtlMs);
  }

  /** The entity, when it exists and the caller may read its Flux status. */
  async readableEntity(req: Request, entityRef: string): Promise<Entity> {
    const entity = await this.entities.load(entityRef);
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    const credentials = await this.httpAuth.credentials(req);
    if (!(await this.reads.canRead(credentials, entityRef))) {
      throw new NotAllowedError(
        `You are not allowed to read the Flux status of ${entityRef}`,
      );
    }
    return entity;
  }

  /** The entities among `entityRefs` on which the caller lacks an action's permission. */
  async deniedAmong(
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
    entityRefs: string[],
  ): Promise<string[]> {
    if (entityRefs.length === 0) return [];
    const credentials = await this.httpAuth.credentials(req);
    const decisions = await this.permissions.authorize(
      entityRefs.map(resourceRef => ({ permission, resourceRef })),
      { credentials },
    );
    return entityRefs.filter(
      (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
    );
  }

  /** Whether the caller holds an action's permission on the entity. */
  async mayAct(
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ): Promise<boolean> {
    const credentials = await this.httpAuth.credentials(req);
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
