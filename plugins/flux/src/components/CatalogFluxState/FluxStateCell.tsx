import { useEffect, useState } from 'react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { TableColumn } from '@backstage/core-components';
import {
  ANNOTATION_CLUSTERS,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { batcherFor } from '../../lib/stateBatcher';
import { StateChip } from '../StateChip';

/** An entity's rolled-up Flux state, for catalog tables; empty for unmapped entities. @public */
export function FluxStateCell(props: { entity: Entity }) {
  const fluxApi = useApi(fluxApiRef);
  const mapped = Boolean(
    props.entity.metadata.annotations?.[ANNOTATION_CLUSTERS],
  );
  const ref = stringifyEntityRef(props.entity);
  const [state, setState] = useState<FluxState | undefined | 'error'>();
  useEffect(() => {
    if (!mapped) return undefined;
    let cancelled = false;
    batcherFor(fluxApi)
      .get(ref)
      .then(
        s => !cancelled && setState(s),
        () => !cancelled && setState('error'),
      );
    return () => {
      cancelled = true;
    };
  }, [fluxApi, mapped, ref]);
  if (!mapped) return null;
  if (state === 'error') return <span title="Flux state unavailable">?</span>;
  return state ? <StateChip state={state} /> : null;
}

/**
 * A "Flux" column for legacy `CatalogIndexPage columns`; rows are the
 * catalog table's rows (anything with an `entity`).
 * @public
 */
export function createFluxStateColumn<
  T extends { entity: Entity } = { entity: Entity },
>(options: { title?: string } = {}): TableColumn<T> {
  return {
    title: options.title ?? 'Flux',
    sorting: false,
    render: row => <FluxStateCell entity={row.entity} />,
  };
}
