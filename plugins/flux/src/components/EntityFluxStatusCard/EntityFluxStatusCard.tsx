import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_CLUSTERS,
  compareStates,
  type FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { Revision } from '../Revision';
import { RelativeTime } from '../RelativeTime';
import { useEntityFluxStatus } from '../../hooks/useEntityFluxStatus';
import { useFluxActions } from '../../hooks/useFluxActions';
import { useFluxPermissions } from '../../hooks/useFluxPermissions';
import { isApplier, objectKey } from '../../lib/objects';

/** Overview card: compact state, last revision per applier, one reconcile button. @public */
export function EntityFluxStatusCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const ref = {
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  };
  const mapped = Boolean(entity.metadata.annotations?.[ANNOTATION_CLUSTERS]);
  return (
    <InfoCard title="Flux">
      {mapped ? (
        <CardBody entity={ref} entityRef={entityRef} />
      ) : (
        <Typography variant="body2">
          Not mapped to Flux: add the <code>{ANNOTATION_CLUSTERS}</code>{' '}
          annotation.
        </Typography>
      )}
    </InfoCard>
  );
}

function CardBody(props: {
  entity: { kind: string; namespace?: string; name: string };
  entityRef: string;
}) {
  const { status, error, loading } = useEntityFluxStatus(
    props.entity,
    props.entityRef,
  );
  const permissions = useFluxPermissions(props.entityRef);
  const { run, progressOf } = useFluxActions(props.entity);
  if (loading && !status) return <Progress />;
  if (!status) {
    return (
      <Typography variant="body2" color="error" role="alert">
        {error?.message ?? 'No status'}
      </Typography>
    );
  }
  const appliers: FluxObjectSummary[] = status.clusters
    .flatMap(c => c.objects)
    .filter(o => isApplier(o.kind) && !o.suspended)
    .sort((a, b) => compareStates(a.state, b.state));
  const running = appliers.some(o => progressOf(o)?.phase === 'running');
  const failedClusters = status.clusters.filter(c => c.errors.length > 0);
  return (
    <Box>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <StateChip state={status.state} size="medium" />
      </Box>
      {status.clusters
        .filter(c => c.context)
        .map(c => (
          <Typography
            key={c.cluster}
            variant="body2"
            data-testid="flux-state-context"
            gutterBottom
          >
            {status.clusters.length > 1 ? `${c.cluster}: ` : ''}
            {c.context}
          </Typography>
        ))}
      {status.clusters
        .flatMap(c => c.objects)
        .filter(o => isApplier(o.kind))
        .map(o => (
          <Box
            key={objectKey(o)}
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8 }}
            mb={0.5}
          >
            <StateChip state={o.state} />
            <Typography variant="body2">
              {o.cluster}: {o.kind} {o.name}
            </Typography>
            <Revision revision={o.appliedRevision} sourceUrl={o.source?.url} />
            <Typography variant="body2" color="textSecondary">
              <RelativeTime iso={o.lastReconcileAt} />
            </Typography>
            {progressOf(o) && (
              <Typography variant="body2" role="status">
                {progressOf(o)?.text}
              </Typography>
            )}
          </Box>
        ))}
      {failedClusters.map(c => (
        <Typography key={c.cluster} variant="body2" color="error" role="alert">
          {c.cluster}: {c.errors.map(e => e.message).join('; ')}
        </Typography>
      ))}
      {permissions.canReconcile && appliers.length > 0 && (
        <Box mt={1}>
          <Button
            size="small"
            variant="outlined"
            disabled={running}
            onClick={() => appliers.forEach(o => run(o, 'reconcile'))}
          >
            Reconcile
          </Button>
        </Box>
      )}
    </Box>
  );
}
