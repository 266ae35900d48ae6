import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogApiRef,
  CATALOG_FILTER_EXISTS,
} from '@backstage/plugin-catalog-react';
import { ANNOTATION_CLUSTERS } from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { useLoad } from '../../hooks/useLoad';
import {
  STATE_TABLE_FIELDS,
  withFluxStates,
} from '../../hooks/useRelatedFluxStates';
import { EntityStatesTable } from '../RelatedFluxStates';

/**
 * Home widget: the Flux state of every entity the signed-in user owns
 * (directly or through their groups), worst first.
 */
export function MyEntitiesWidget() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const fluxApi = useApi(fluxApiRef);
  const mine = useLoad(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    if (ownershipEntityRefs.length === 0) return [];
    const { items } = await catalogApi.getEntities({
      filter: {
        'relations.ownedBy': ownershipEntityRefs,
        [`metadata.annotations.${ANNOTATION_CLUSTERS}`]: CATALOG_FILTER_EXISTS,
      },
      fields: STATE_TABLE_FIELDS,
    });
    return withFluxStates(
      items.map(entity => ({ entityRef: stringifyEntityRef(entity), entity })),
      fluxApi,
    );
  }, [identityApi, catalogApi, fluxApi]);
  if (mine.loading) return <Progress />;
  if ('error' in mine) return <ResponseErrorPanel error={mine.error} />;
  return (
    <EntityStatesTable
      rows={mine.value}
      label="My entities' Flux state"
      emptyText="You own no entity that Flux deploys."
    />
  );
}
