import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  useEntityList,
  type DefaultEntityFilters,
  type EntityFilter,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  STATE_SEVERITY,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';

/** Keeps entities whose rolled-up Flux state is the chosen one. @public */
export class EntityFluxStateFilter implements EntityFilter {
  constructor(
    readonly value: FluxState,
    private readonly states: Readonly<Record<string, FluxState>>,
  ) {}

  filterEntity(entity: Entity): boolean {
    return this.states[stringifyEntityRef(entity)] === this.value;
  }

  toQueryValue(): string {
    return this.value;
  }
}

type FluxFilters = DefaultEntityFilters & { flux?: EntityFluxStateFilter };

/**
 * "Flux state" picker for the catalog's filter panel. The states of the
 * loaded entities are asked for in one request when a state is chosen; the
 * filter runs in the browser, so with server-side pagination it narrows the
 * current page only.
 * @public
 */
export function FluxStateFilterPicker() {
  const fluxApi = useApi(fluxApiRef);
  const { backendEntities, updateFilters, filters } =
    useEntityList<FluxFilters>();
  const [value, setValue] = useState<FluxState | ''>(filters.flux?.value ?? '');
  const [error, setError] = useState<string>();
  const refs = backendEntities
    .filter(e => e.metadata.annotations?.[ANNOTATION_CLUSTERS])
    .map(e => stringifyEntityRef(e));
  const refsKey = refs.join(',');

  useEffect(() => {
    if (!value) {
      updateFilters({ flux: undefined });
      return undefined;
    }
    let cancelled = false;
    fluxApi.getEntityStates(refsKey ? refsKey.split(',') : []).then(
      ({ states }) => {
        if (cancelled) return;
        setError(undefined);
        updateFilters({ flux: new EntityFluxStateFilter(value, states) });
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
  }, [fluxApi, value, refsKey, updateFilters]);

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
