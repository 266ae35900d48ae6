import { useCallback, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { compareStates } from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { ClusterSection } from './ClusterSection';
import { clusterTitle } from '../ClusterDisplay';
import { useEntityFluxStatus } from '../../hooks/useEntityFluxStatus';
import { useFluxActions } from '../../hooks/useFluxActions';
import { useFluxPermissions } from '../../hooks/useFluxPermissions';
import type { FluxEntityRef } from '../../api/FluxApi';

/** The Flux tab body for one (annotated) entity. */
export function FluxEntityView(props: {
  entity: FluxEntityRef;
  entityRef: string;
}) {
  const { entity, entityRef } = props;
  const { status, error, loading, live } = useEntityFluxStatus(
    entity,
    entityRef,
  );
  const permissions = useFluxPermissions(entityRef);
  const { run, progressOf, impactOf } = useFluxActions(entity);
  // Open details live here, keyed by object, so stream updates never close them.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const onToggle = useCallback((key: string) => {
    setExpanded(prev => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  if (loading && !status) return <Progress />;
  if (!status)
    return <ResponseErrorPanel error={error ?? new Error('No status')} />;

  // The header summarises worst first; the sections below keep name order so
  // they do not jump around when a cluster's state changes.
  const worstFirst = [...status.clusters].sort(
    (a, b) =>
      compareStates(a.state, b.state) || a.cluster.localeCompare(b.cluster),
  );
  const byName = [...status.clusters].sort((a, b) =>
    a.cluster.localeCompare(b.cluster),
  );
  return (
    <Box data-testid="flux-entity-content">
      <Box
        component="header"
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 12 }}
        mb={2}
        aria-label="Flux state per cluster"
      >
        <Typography variant="h5" component="h1">
          Flux
        </Typography>
        <StateChip state={status.state} size="medium" />
        {worstFirst.map(cluster => (
          <Box
            key={cluster.cluster}
            display="flex"
            alignItems="center"
            style={{ gap: 4 }}
          >
            <Typography variant="body2">{clusterTitle(cluster)}:</Typography>
            <StateChip state={cluster.state} />
          </Box>
        ))}
        {/* Default text colour: the theme's secondary grey is below AA contrast on the page background. */}
        <Typography variant="caption" role="status">
          {live ? 'Live' : 'Connecting to live updates…'}
        </Typography>
      </Box>
      {byName.map(cluster => (
        <ClusterSection
          key={cluster.cluster}
          cluster={cluster}
          expanded={expanded}
          onToggle={onToggle}
          permissions={permissions}
          progressOf={progressOf}
          onAction={run}
          impactOf={impactOf}
        />
      ))}
    </Box>
  );
}
