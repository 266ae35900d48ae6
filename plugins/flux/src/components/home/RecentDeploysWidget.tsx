import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { fluxApiRef } from '../../api/FluxApi';
import { useLoad } from '../../hooks/useLoad';
import { objectKey } from '../../lib/objects';
import { ColumnHeads } from '../ColumnHeads';
import { RelativeTime } from '../RelativeTime';

/** How many deploys the widget lists. */
export const DEPLOYS_SHOWN = 10;

/**
 * Home widget: the newest deploys of every cluster, as the controllers
 * record them (Helm releases; Kustomization applies that changed objects).
 */
export function RecentDeploysWidget() {
  const fluxApi = useApi(fluxApiRef);
  const deploys = useLoad(() => fluxApi.listDeploys(DEPLOYS_SHOWN), [fluxApi]);
  if (deploys.loading) return <Progress />;
  if ('error' in deploys) return <ResponseErrorPanel error={deploys.error} />;
  const { items } = deploys.value;
  if (items.length === 0)
    return <Typography variant="body2">No deploys recorded yet.</Typography>;
  return (
    <Table size="small" aria-label="Recent deploys">
      <ColumnHeads columns={['When', 'Object', 'Cluster', 'What']} />
      <TableBody>
        {items.map(deploy => (
          <TableRow
            key={`${objectKey(deploy.object)}@${deploy.at}`}
            data-testid="flux-deploy-row"
          >
            <TableCell>
              <RelativeTime iso={deploy.at} />
            </TableCell>
            <TableCell>
              {deploy.object.kind} {deploy.object.namespace}/
              {deploy.object.name}
            </TableCell>
            <TableCell>{deploy.object.cluster}</TableCell>
            <TableCell>
              {deploy.ok ? deploy.what : <strong>{deploy.what}</strong>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
