import { useEffect, useState } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  compareStates,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../api/FluxApi';
import { batcherFor } from '../lib/stateBatcher';

/** A related entity and its Flux state (undefined: Flux does not deploy it). */
export interface RelatedFluxState {
  entityRef: string;
  entity?: Entity;
  state?: FluxState;
}

export type RelatedFluxStates =
  | { loading: true }
  | { loading: false; error: Error }
  | { loading: false; rows: RelatedFluxState[] };

const FIELDS = [
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
 * The entities at the other end of one relation type of an entity (e.g.
 * `dependencyOf`: what depends on it; `hasPart`: a System's members), with
 * their Flux states: one catalog request and one batched state request.
 */
export function useRelatedFluxStates(
  entity: Entity,
  relationType: string,
): RelatedFluxStates {
  const catalogApi = useApi(catalogApiRef);
  const fluxApi = useApi(fluxApiRef);
  const refs = (entity.relations ?? [])
    .filter(r => r.type === relationType)
    .map(r => r.targetRef)
    .sort();
  const key = refs.join('\n');
  const [result, setResult] = useState<RelatedFluxStates>({ loading: true });

  useEffect(() => {
    let cancelled = false;
    const wanted = key ? key.split('\n') : [];
    (async () => {
      const { items } = wanted.length
        ? await catalogApi.getEntitiesByRefs({
            entityRefs: wanted,
            fields: FIELDS,
          })
        : { items: [] as (Entity | undefined)[] };
      const batcher = batcherFor(fluxApi);
      const rows = await Promise.all(
        wanted.map(async (entityRef, i): Promise<RelatedFluxState> => {
          const related = items[i];
          const mapped = related?.metadata.annotations?.[ANNOTATION_CLUSTERS];
          // one entity's unreadable state must not blank the others
          const state = mapped
            ? await batcher.get(entityRef).catch(() => 'Unknown' as const)
            : undefined;
          return { entityRef, entity: related, state };
        }),
      );
      return rows.sort(compareRelated);
    })().then(
      rows => !cancelled && setResult({ loading: false, rows }),
      error => !cancelled && setResult({ loading: false, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [catalogApi, fluxApi, key]);
  return result;
}
