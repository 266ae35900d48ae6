import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  parseEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  countStates,
  STATE_SEVERITY,
  type FluxState,
} from '@flux-portal/plugin-flux-common';
import type { RelatedFluxState } from '../../hooks/useRelatedFluxStates';
import { StateChip } from '../StateChip';
import { ColumnHeads } from '../ColumnHeads';

/** Rows shown before "Show all": the worst come first, so the faults are in them. */
export const FIRST_ROWS = 10;

/** "2 Failed · 1 Suspended · 28 Ready · 3 not deployed by Flux" */
export function summarise(rows: RelatedFluxState[]): string {
  const counts = countStates(
    rows.flatMap(r => (r.state ? [r.state] : [])) as FluxState[],
  );
  const parts = STATE_SEVERITY.filter(s => counts[s] > 0).map(
    s => `${counts[s]} ${s}`,
  );
  const unmapped = rows.filter(r => !r.state).length;
  if (unmapped) parts.push(`${unmapped} not deployed by Flux`);
  return parts.join(' · ');
}

/** spec.owner may be shorthand ("team-a"): a group in the entity's namespace. */
function ownerOf(entity: Entity | undefined): CompoundEntityRef | undefined {
  const owner = entity?.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity?.metadata.namespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}

function RelatedRow(props: { row: RelatedFluxState }) {
  const { entityRef, entity, state } = props.row;
  const owner = ownerOf(entity);
  return (
    <TableRow data-testid="flux-related-row">
      <TableCell>{state ? <StateChip state={state} /> : '—'}</TableCell>
      <TableCell>
        {entity ? <EntityRefLink entityRef={entity} /> : entityRef}
      </TableCell>
      <TableCell>
        {entity
          ? `${entity.kind}${entity.spec?.type ? ` (${entity.spec.type})` : ''}`
          : 'not in the catalog'}
      </TableCell>
      <TableCell>{owner && <EntityRefLink entityRef={owner} />}</TableCell>
    </TableRow>
  );
}

/**
 * Entities with their Flux states, worst first (as given), counted by
 * state; the first ten, then "Show all".
 */
export function EntityStatesTable(props: {
  rows: RelatedFluxState[];
  /** The table's accessible name. */
  label: string;
  emptyText: string;
}) {
  const { rows, label, emptyText } = props;
  const [all, setAll] = useState(false);
  if (rows.length === 0)
    return <Typography variant="body2">{emptyText}</Typography>;
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <Typography
        variant="body2"
        gutterBottom
        data-testid="flux-related-summary"
      >
        {summarise(rows)}
      </Typography>
      <Table size="small" aria-label={label}>
        <ColumnHeads columns={['Flux state', 'Entity', 'Kind', 'Owner']} />
        <TableBody>
          {shown.map(row => (
            <RelatedRow key={row.entityRef} row={row} />
          ))}
        </TableBody>
      </Table>
      {rows.length > FIRST_ROWS && (
        <Button size="small" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length}`}
        </Button>
      )}
    </>
  );
}
