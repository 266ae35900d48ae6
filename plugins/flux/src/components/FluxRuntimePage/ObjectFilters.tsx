import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import {
  STATE_SEVERITY,
  type FluxObjectSummary,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import { distinct, type ObjectFilters as Filters } from '../../lib/objects';

function Picker(props: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange(value: string | undefined): void;
}) {
  return (
    <TextField
      select
      id={`flux-filter-${props.label.toLocaleLowerCase('en-US')}`}
      label={props.label}
      value={props.value ?? ''}
      onChange={e => props.onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 160 }}
    >
      <option value="">All</option>
      {props.options.map(option => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </TextField>
  );
}

/** Cluster, namespace, kind and state pickers (native selects: keyboard and screen-reader friendly) and a search box. */
export function ObjectFilters(props: {
  items: readonly FluxObjectSummary[];
  filters: Filters;
  onChange(filters: Filters): void;
}) {
  const { items, filters, onChange } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 12 }}
      my={2}
      role="search"
    >
      <Picker
        label="Cluster"
        value={filters.cluster}
        options={distinct(items, 'cluster')}
        onChange={cluster => onChange({ ...filters, cluster })}
      />
      <Picker
        label="Namespace"
        value={filters.namespace}
        options={distinct(items, 'namespace')}
        onChange={namespace => onChange({ ...filters, namespace })}
      />
      <Picker
        label="Kind"
        value={filters.kind}
        options={distinct(items, 'kind')}
        onChange={kind => onChange({ ...filters, kind })}
      />
      <Picker
        label="State"
        value={filters.state}
        options={STATE_SEVERITY}
        onChange={state =>
          onChange({ ...filters, state: state as FluxState | undefined })
        }
      />
      <TextField
        id="flux-filter-search"
        label="Search"
        type="search"
        variant="outlined"
        size="small"
        value={filters.q ?? ''}
        onChange={e => onChange({ ...filters, q: e.target.value || undefined })}
      />
    </Box>
  );
}
