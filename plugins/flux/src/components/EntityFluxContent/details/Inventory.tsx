import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type {
  FluxInventoryEntry,
  FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../../StateChip';
import { DetailsSection } from './DetailsSection';
import { ColumnHeads } from '../../ColumnHeads';

/** A workload's readiness as a chip; a dash for kinds without one. */
function Readiness(props: { entry: FluxInventoryEntry }) {
  const { ready, readyMessage } = props.entry;
  if (ready === undefined) return <>—</>;
  return (
    <StateChip
      state={ready ? 'Ready' : 'Progressing'}
      label={readyMessage ?? (ready ? 'Ready' : 'Not ready')}
    />
  );
}

/** What the object applied (its share, for an entity of a shared Kustomization), with workload readiness. */
export function Inventory(props: { object: FluxObjectSummary }) {
  const { inventory } = props.object;
  if (!inventory || inventory.length === 0) return null;
  return (
    <DetailsSection title={`Inventory (${inventory.length})`}>
      <Table size="small" aria-label="Inventory">
        <ColumnHeads columns={['Kind', 'Namespace/Name', 'Ready']} />
        <TableBody>
          {inventory.map(entry => (
            <TableRow
              key={`${entry.group}/${entry.kind}/${entry.namespace}/${entry.name}`}
            >
              <TableCell>{entry.kind}</TableCell>
              <TableCell>
                {entry.namespace ? `${entry.namespace}/` : ''}
                {entry.name}
              </TableCell>
              <TableCell>
                <Readiness entry={entry} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DetailsSection>
  );
}
