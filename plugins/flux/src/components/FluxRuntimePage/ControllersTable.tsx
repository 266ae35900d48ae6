import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { FluxRuntime } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { ClusterLabels, clusterTitle } from '../ClusterDisplay';
import { ColumnHeads } from '../ColumnHeads';

/** Each cluster's Flux controllers: readiness, replicas, version; and why a cluster could not answer. */
export function ControllersTable(props: { runtime: FluxRuntime }) {
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {props.runtime.clusters.map(cluster => (
        <Paper
          key={cluster.cluster}
          variant="outlined"
          style={{ padding: 12, minWidth: 320, flex: '1 1 320px' }}
          component="section"
          aria-label={`Cluster ${cluster.cluster} controllers`}
          data-testid="flux-runtime-cluster"
        >
          <Typography
            variant="h6"
            component="h2"
            title={cluster.title ? cluster.cluster : undefined}
          >
            {clusterTitle(cluster)}
          </Typography>
          <ClusterLabels cluster={cluster} />
          {!cluster.synced && (
            <Typography variant="body2" color="textSecondary">
              Still syncing…
            </Typography>
          )}
          {cluster.errors.map(error => (
            <Typography
              key={`${error.reason}/${error.kinds?.join(',')}`}
              variant="body2"
              color="error"
              role="alert"
            >
              {error.reason}: {error.message}
            </Typography>
          ))}
          {cluster.controllers.length > 0 && (
            <Table
              size="small"
              aria-label={`Controllers of ${cluster.cluster}`}
            >
              <ColumnHeads
                columns={['Controller', 'Health', 'Replicas', 'Version']}
              />
              <TableBody>
                {cluster.controllers.map(controller => (
                  <TableRow key={`${controller.namespace}/${controller.name}`}>
                    <TableCell>{controller.name}</TableCell>
                    <TableCell>
                      <StateChip
                        state={controller.ready ? 'Ready' : 'Failed'}
                        label={controller.ready ? 'Healthy' : 'Unhealthy'}
                      />
                    </TableCell>
                    <TableCell>
                      {controller.readyReplicas}/{controller.replicas}
                    </TableCell>
                    <TableCell>{controller.version ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      ))}
    </Box>
  );
}
