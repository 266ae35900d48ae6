import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { RelativeTime } from '../../RelativeTime';
import { DetailsSection } from './DetailsSection';
import { ColumnHeads } from '../../ColumnHeads';

/** A HelmRelease's release history, newest first (no values). */
export function ReleaseHistory(props: { object: FluxObjectSummary }) {
  const { history } = props.object;
  if (!history || history.length === 0) return null;
  return (
    <DetailsSection title="Release history">
      <Table size="small" aria-label="Release history">
        <ColumnHeads
          columns={['Version', 'Status', 'Chart', 'App version', 'Deployed']}
        />
        <TableBody>
          {history.map((snapshot, index) => (
            <TableRow key={`${snapshot.version ?? index}`}>
              <TableCell>{snapshot.version ?? '—'}</TableCell>
              <TableCell>{snapshot.status ?? '—'}</TableCell>
              <TableCell>
                {snapshot.chartName}@{snapshot.chartVersion}
              </TableCell>
              <TableCell>{snapshot.appVersion ?? '—'}</TableCell>
              <TableCell>
                <RelativeTime iso={snapshot.lastDeployed} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DetailsSection>
  );
}
