import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { FluxObjectSummary } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { RelativeTime } from '../RelativeTime';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** dependsOn chain, HelmRelease history, inventory and events of one object. */
export function ObjectDetails(props: { object: FluxObjectSummary }) {
  const { object } = props;
  const events = [...(object.events ?? [])].sort((a, b) =>
    b.timestamp.localeCompare(a.timestamp),
  );
  return (
    <Box width="100%">
      {object.dependsOn.length > 0 && (
        <Section title="Depends on">
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {object.dependsOn.map(dep => (
              <li key={`${dep.kind}/${dep.namespace}/${dep.name}`}>
                <Box
                  display="flex"
                  alignItems="center"
                  style={{ gap: 8 }}
                  my={0.5}
                >
                  <StateChip state={dep.state} />
                  <span>
                    {dep.kind} {dep.namespace}/{dep.name}
                  </span>
                  {dep.state !== 'Ready' && (
                    <Typography variant="body2" color="textSecondary">
                      {object.state === 'Waiting'
                        ? `waiting for ${dep.name}`
                        : ''}
                      {dep.message ? ` — ${dep.message}` : ''}
                    </Typography>
                  )}
                </Box>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {object.history && object.history.length > 0 && (
        <Section title="Release history">
          <Table size="small" aria-label="Release history">
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Chart</TableCell>
                <TableCell>App version</TableCell>
                <TableCell>Deployed</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {object.history.map((snapshot, index) => (
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
        </Section>
      )}
      {object.inventory && object.inventory.length > 0 && (
        <Section title={`Inventory (${object.inventory.length})`}>
          <Table size="small" aria-label="Inventory">
            <TableHead>
              <TableRow>
                <TableCell>Kind</TableCell>
                <TableCell>Namespace/Name</TableCell>
                <TableCell>Ready</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {object.inventory.map(entry => (
                <TableRow
                  key={`${entry.group}/${entry.kind}/${entry.namespace}/${entry.name}`}
                >
                  <TableCell>{entry.kind}</TableCell>
                  <TableCell>
                    {entry.namespace ? `${entry.namespace}/` : ''}
                    {entry.name}
                  </TableCell>
                  <TableCell>
                    {entry.ready === undefined ? (
                      '—'
                    ) : (
                      <StateChip
                        state={entry.ready ? 'Ready' : 'Progressing'}
                        label={
                          entry.readyMessage ??
                          (entry.ready ? 'Ready' : 'Not ready')
                        }
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}
      <Section title="Events">
        {events.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No recent events.
          </Typography>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Events">
            {events.map(event => (
              <li
                key={`${event.timestamp}/${event.reason}/${event.object.kind}/${event.object.name}`}
              >
                <Typography
                  variant="body2"
                  color={event.type === 'Warning' ? 'error' : 'textPrimary'}
                >
                  <RelativeTime iso={event.timestamp} /> · {event.type}{' '}
                  {event.reason}
                  {event.count > 1 ? ` (×${event.count})` : ''}: {event.message}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Box>
  );
}
