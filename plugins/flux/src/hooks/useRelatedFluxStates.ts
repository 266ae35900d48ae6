import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  compareStates,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef, type FluxApi } from '../api/FluxApi';
import { batcherFor } from '../lib/stateBatcher';
import { useLoad, type Loaded } from './useLoad';

/** A related entity and its Flux state (undefined: Flux does not deploy it). */
export interface RelatedFluxState {
  entityRef: string;
  entity?: Entity;
  state?: FluxState;
}

/** The entity fields the states tables show. */
export const STATE_TABLE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
];

/** Worst state first, then entities Flux does not deploy, then by ref: the fault is on top. */
export function compareRelated(a: RelatedFluxState, b: RelatedFluxState) {
  if (a.state && b.state) {
    const byState = compareStates(a.state, b.state);
    if (byState !== 0) return byState;
  } else if (a.state || b.state) {
    return a.state ? -1 : 1;
  }
  return a.entityRef.localeCompare(b.entityRef);
}

/**
 * Entities with their Flux states (one batched request for the ones Flux
 * deploys), worst first.
 */
export async function withFluxStates(
  entities: Array<{ entityRef: string; entity?: Entity }>,
  fluxApi: FluxApi,
): Promise<RelatedFluxState[]> {
  const batcher = batcherFor(fluxApi);
  const rows = await Promise.all(
    entities.map(async ({ entityRef, entity }): Promise<RelatedFluxState> => {
      const mapped = entity?.metadata.annotations?.[ANNOTATION_CLUSTERS];
      // one entity's unreadable state must not blank the others
      const state = mapped
        ? await batcher.get(entityRef).catch(() => 'Unknown' as const)
        : undefined;
      return { entityRef, entity, state };
    }),
  );
  return rows.sort(compareRelated);
}

/**
 * The entities at the other end of one relation type of an entity (e.g.
 * `dependencyOf`: what depends on it; `hasPart`: a System's members), with
 * their Flux states: one catalog request and one batched state request.
 */
export function useRelatedFluxStates(
  entity: Entity,
  relationType: string,
): Loaded<RelatedFluxState[]> {
  const catalogApi = useApi(catalogApiRef);
  const fluxApi = useApi(fluxApiRef);
  const refs = (entity.relations ?? [])
    .filter(r => r.type === relationType)
    .map(r => r.targetRef)
    .sort();
  const key = refs.join('\n');
  return useLoad(async () => {
    const wanted = key ? key.split('\n') : [];
    const { items } = wanted.length
      ? await catalogApi.getEntitiesByRefs({
          entityRefs: wanted,
          fields: STATE_TABLE_FIELDS,
        })
      : { items: [] as (Entity | undefined)[] };
    return withFluxStates(
      wanted.map((entityRef, i) => ({ entityRef, entity: items[i] })),
      fluxApi,
    );
  }, [catalogApi, fluxApi, key]);
}
