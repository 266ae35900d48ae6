import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { Revision } from '../Revision';
import { RelativeTime } from '../RelativeTime';
import { objectKey } from '../../lib/objects';
import { ColumnHeads } from '../ColumnHeads';

/** Rendering thousands of rows at once makes the page sluggish; filters narrow it down. */
export const MAX_ROWS = 500;

/** Flux objects in the given (already filtered and sorted) order. */
export function ObjectsTable(props: { items: readonly FluxObjectSummary[] }) {
  const shown = props.items.slice(0, MAX_ROWS);
  return (
    <>
      <Typography variant="body2" role="status">
        {props.items.length > MAX_ROWS
          ? `Showing ${MAX_ROWS} of ${props.items.length} objects; narrow the filters to see the rest.`
          : `${props.items.length} ${
              props.items.length === 1 ? 'object' : 'objects'
            }`}
      </Typography>
      <Table size="small" aria-label="Flux objects">
        <ColumnHeads
          columns={[
            'State',
            'Cluster',
            'Kind',
            'Namespace/Name',
            'Message',
            'Revision',
            'Last reconcile',
          ]}
        />
        <TableBody>
          {shown.map(item => (
            <TableRow key={objectKey(item)} data-testid="flux-object-row">
              <TableCell>
                <StateChip state={item.state} />
              </TableCell>
              <TableCell>{item.cluster}</TableCell>
              <TableCell>{item.kind}</TableCell>
              <TableCell>
                {item.namespace}/{item.name}
              </TableCell>
              <TableCell style={{ maxWidth: 420, wordBreak: 'break-word' }}>
                {item.message}
              </TableCell>
              <TableCell>
                <Revision
                  revision={item.appliedRevision ?? item.sourceRevision}
                  sourceUrl={item.source?.url}
                />
              </TableCell>
              <TableCell>
                <RelativeTime iso={item.lastReconcileAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
