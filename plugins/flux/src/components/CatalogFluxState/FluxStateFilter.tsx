import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  useEntityList,
  type DefaultEntityFilters,
  type EntityFilter,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  STATE_SEVERITY,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef, type FluxApi } from '../../api/FluxApi';

// A uid no entity has: `$in` needs at least one value to match nothing.
const NO_ENTITY = 'flux-portal.io/no-entity';
// POST /entity-states takes at most this many refs.
const STATES_BATCH = 1000;

/**
 * Keeps the entities whose rolled-up Flux state is the chosen one. It runs
 * in the catalog backend (a uid predicate), so it works with the paginated
 * catalog table, and in the browser for unpaginated lists.
 * @public
 */
export class EntityFluxStateFilter implements EntityFilter {
  private readonly uidSet: ReadonlySet<string>;

  constructor(readonly value: FluxState, readonly uids: readonly string[]) {
    this.uidSet = new Set(uids);
  }

  getCatalogQuery() {
    return {
      'metadata.uid': { $in: this.uids.length ? [...this.uids] : [NO_ENTITY] },
    };
  }

  filterEntity(entity: Entity): boolean {
    return this.uidSet.has(entity.metadata.uid ?? '');
  }

  toQueryValue(): string {
    return this.value;
  }
}

/** Uids of the catalog's Flux-mapped entities whose state is `state`. */
async function uidsInState(
  catalogApi: typeof catalogApiRef.T,
  fluxApi: FluxApi,
  state: FluxState,
): Promise<string[]> {
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await catalogApi.queryEntities({ cursor, limit: STATES_BATCH })
      : await catalogApi.queryEntities({
          query: {
            [`metadata.annotations.${ANNOTATION_CLUSTERS}`]: { $exists: true },
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.uid',
          ],
          limit: STATES_BATCH,
        });
    items.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  const uids: string[] = [];
  for (let i = 0; i < items.length; i += STATES_BATCH) {
    const batch = items.slice(i, i + STATES_BATCH);
    const { states } = await fluxApi.getEntityStates(
      batch.map(e => stringifyEntityRef(e)),
    );
    for (const entity of batch) {
      if (states[stringifyEntityRef(entity)] === state && entity.metadata.uid) {
        uids.push(entity.metadata.uid);
      }
    }
  }
  return uids;
}

type FluxFilters = DefaultEntityFilters & { flux?: EntityFluxStateFilter };

/**
 * "Flux state" picker for the catalog's filter panel: asks for the state of
 * every Flux-mapped entity (one catalog query, one POST /entity-states per
 * 1,000 entities) when a state is chosen.
 * @public
 */
export function FluxStateFilterPicker() {
  const fluxApi = useApi(fluxApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { updateFilters, filters } = useEntityList<FluxFilters>();
  const [value, setValue] = useState<FluxState | ''>(filters.flux?.value ?? '');
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!value) {
      updateFilters({ flux: undefined });
      return undefined;
    }
    let cancelled = false;
    uidsInState(catalogApi, fluxApi, value).then(
      uids => {
        if (cancelled) return;
        setError(undefined);
        updateFilters({ flux: new EntityFluxStateFilter(value, uids) });
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [catalogApi, fluxApi, value, updateFilters]);

  return (
    <Box pb={1} pt={1}>
      <TextField
        select
        fullWidth
        id="catalog-flux-state-filter"
        label="Flux state"
        value={value}
        onChange={e => setValue(e.target.value as FluxState | '')}
        SelectProps={{ native: true }}
        variant="outlined"
        size="small"
        InputLabelProps={{ shrink: true }}
        error={Boolean(error)}
        helperText={error}
      >
        <option value="">All</option>
        {STATE_SEVERITY.map(state => (
          <option key={state} value={state}>
            {state}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
