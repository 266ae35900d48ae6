import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { fluxApiRef } from '../../api/FluxApi';
import { fluxPageRouteRef } from '../../routes';
import { useLoad } from '../../hooks/useLoad';
import { objectKey } from '../../lib/objects';
import { ColumnHeads } from '../ColumnHeads';
import { StateChip } from '../StateChip';

/** How many failing objects the widget lists; the Flux page has the rest. */
export const FAILING_SHOWN = 8;

/** Home widget: the Flux objects that are failing now, in every cluster. */
export function FailingObjectsWidget() {
  const fluxApi = useApi(fluxApiRef);
  const fluxPage = useRouteRef(fluxPageRouteRef);
  const failing = useLoad(
    () => fluxApi.listObjects({ state: 'Failed' }),
    [fluxApi],
  );
  if (failing.loading) return <Progress />;
  if ('error' in failing) return <ResponseErrorPanel error={failing.error} />;
  const { items, errors } = failing.value;
  return (
    <>
      <Typography variant="body2" gutterBottom data-testid="flux-failing-count">
        {items.length === 0
          ? 'Nothing is failing.'
          : `${items.length} failing ${
              items.length === 1 ? 'object' : 'objects'
            }`}
        {errors.length > 0 &&
          ` (${errors.length} ${
            errors.length === 1 ? 'cluster' : 'clusters'
          } could not answer: ${errors.map(e => e.cluster).join(', ')})`}
      </Typography>
      {items.length > 0 && (
        <Table size="small" aria-label="Failing Flux objects">
          <ColumnHeads columns={['State', 'Object', 'Cluster', 'Message']} />
          <TableBody>
            {items.slice(0, FAILING_SHOWN).map(item => (
              <TableRow key={objectKey(item)}>
                <TableCell>
                  <StateChip state={item.state} />
                </TableCell>
                <TableCell>
                  {item.kind} {item.namespace}/{item.name}
                </TableCell>
                <TableCell>{item.cluster}</TableCell>
                <TableCell style={{ maxWidth: 320, wordBreak: 'break-word' }}>
                  {item.message.split('\n')[0]}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {fluxPage && (
        <Link to={`${fluxPage()}?state=Failed`}>
          {items.length > FAILING_SHOWN
            ? `All ${items.length} on the Flux page`
            : 'The Flux page'}
        </Link>
      )}
    </>
  );
}
