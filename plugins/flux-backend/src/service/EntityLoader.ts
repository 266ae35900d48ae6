/**
 * Entities by ref, read with the plugin's own credentials and kept for a
 * few seconds: status requests and streams need an entity's annotations
 * many times a second, and whether the caller may see its Flux status is
 * decided by the flux.entity.read permission, not by this read.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_KUSTOMIZATION,
  formatNamespacedName,
  parseClusters,
} from '@flux-portal/plugin-flux-common';

export class EntityLoader {
  private readonly cache = new Map<
    string,
    { at: number; entity: Promise<Entity | undefined> }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs = 5000,
  ) {}

  load(entityRef: string): Promise<Entity | undefined> {
    const now = Date.now();
    const hit = this.cache.get(entityRef);
    if (hit && now - hit.at < this.ttlMs) return hit.entity;
    const entity = this.auth
      .getOwnServiceCredentials()
      .then(credentials =>
        this.catalog.getEntityByRef(entityRef, { credentials }),
      );
    entity.catch(() => this.cache.delete(entityRef));
    this.cache.set(entityRef, { at: now, entity });
    if (this.cache.size > 10000) this.evict(now);
    return entity;
  }

  /**
   * The entities the catalog says a Kustomization deploys in a cluster (its
   * annotation on them), read with the plugin's own credentials.
   */
  async deployedBy(
    cluster: string,
    kustomization: { namespace: string; name: string },
  ): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_KUSTOMIZATION}`]:
            formatNamespacedName(kustomization),
        },
      },
      { credentials },
    );
    return items.filter(e =>
      parseClusters(e.metadata.annotations?.[ANNOTATION_CLUSTERS]).includes(
        cluster,
      ),
    );
  }

  async loadMany(entityRefs: string[]): Promise<(Entity | undefined)[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    const now = Date.now();
    items.forEach((entity, i) =>
      this.cache.set(entityRefs[i], {
        at: now,
        entity: Promise.resolve(entity),
      }),
    );
    return items;
  }

  private evict(now: number) {
    for (const [ref, hit] of this.cache) {
      if (now - hit.at >= this.ttlMs) this.cache.delete(ref);
    }
  }
}
