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
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useDeployedEntities } from './useDeployedEntities';
import { RowActions } from './RowActions';

/** Rendering thousands of rows at once makes the page sluggish; filters narrow it down. */
export const MAX_ROWS = 500;

/** Links to the entities an applier deploys; a count beyond a few. */
function DeployedEntities(props: { entities: Entity[] | undefined }) {
  const { entities } = props;
  if (!entities?.length) return null;
  if (entities.length > 3) {
    return <Typography variant="body2">{entities.length} entities</Typography>;
  }
  return (
    <>
      {entities.map((entity, i) => (
        <span key={stringifyEntityRef(entity)}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={entity} />
        </span>
      ))}
    </>
  );
}

/** Flux objects in the given (already filtered and sorted) order. */
export function ObjectsTable(props: { items: readonly FluxObjectSummary[] }) {
  const shown = props.items.slice(0, MAX_ROWS);
  const deployed = useDeployedEntities(shown);
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
            'Deploys',
            'Message',
            'Revision',
            'Last reconcile',
            'Actions',
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
              <TableCell>
                <DeployedEntities entities={deployed?.get(objectKey(item))} />
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
              <TableCell>
                <RowActions
                  object={item}
                  deployed={deployed?.get(objectKey(item))}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
