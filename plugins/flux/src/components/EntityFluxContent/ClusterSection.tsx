import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  type FluxAction,
  type FluxClusterEntityStatus,
  type FluxObjectSummary,
} from '@flux-portal/plugin-flux-common';
import { StateChip } from '../StateChip';
import { ClusterLabels, clusterTitle } from '../ClusterDisplay';
import { ObjectRow, type ObjectRowProps } from './ObjectRow';
import { EntityCoverage } from './details/EntityCoverage';
import { compareIdentity, isApplier, objectKey } from '../../lib/objects';
import type { FluxActionPermissions } from '../../hooks/useFluxPermissions';
import type { ActionProgress } from '../../hooks/useFluxActions';

export interface ClusterSectionProps {
  cluster: FluxClusterEntityStatus;
  expanded: ReadonlySet<string>;
  onToggle(key: string): void;
  permissions: FluxActionPermissions;
  progressOf(object: FluxObjectSummary): ActionProgress | undefined;
  onAction(
    object: FluxObjectSummary,
    action: FluxAction,
    withSource?: boolean,
  ): void;
  impactOf?: ObjectRowProps['impactOf'];
}

/** One cluster: its errors inline (the other clusters still render), then appliers and sources. */
export function ClusterSection(props: ClusterSectionProps) {
  const {
    cluster,
    expanded,
    onToggle,
    permissions,
    progressOf,
    onAction,
    impactOf,
  } = props;
  // Identity order, not state order: a row must not jump away while someone
  // is reading or acting on it and its state changes.
  const objects = [...cluster.objects].sort(compareIdentity);
  const appliers = objects.filter(o => isApplier(o.kind));
  const sources = objects.filter(o => !isApplier(o.kind));
  // acting on the entity's own release touches it alone, unlike a shared Kustomization
  const ownRelease = appliers.find(o => o.kind === HELM_RELEASE_KIND);
  const headingId = `flux-cluster-${cluster.cluster}`;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      mb={3}
      data-testid="flux-cluster"
      data-cluster={cluster.cluster}
    >
      <Box display="flex" alignItems="center" style={{ gap: 12 }} mb={1}>
        <Typography
          variant="h6"
          component="h2"
          id={headingId}
          // the name stays at hand (e.g. for kubectl) when a title hides it
          title={cluster.title ? cluster.cluster : undefined}
        >
          Cluster {clusterTitle(cluster)}
        </Typography>
        <StateChip state={cluster.state} />
        <ClusterLabels cluster={cluster} />
      </Box>
      {cluster.context && (
        <Typography
          variant="body2"
          // full contrast: this line names why the entity is in its state
          data-testid="flux-state-context"
          gutterBottom
        >
          {cluster.context}
        </Typography>
      )}
      {cluster.errors.map(error => (
        <Paper
          key={`${error.reason}/${(error.kinds ?? []).join(',')}`}
          variant="outlined"
          role="alert"
          style={{ padding: 12, marginBottom: 8, borderColor: '#b71c1c' }}
        >
          <Typography variant="body2">
            <strong>
              {error.reason}
              {error.kinds?.length ? ` (${error.kinds.join(', ')})` : ''}:
            </strong>{' '}
            {error.message}
          </Typography>
        </Paper>
      ))}
      {objects.length === 0 && cluster.errors.length === 0 && (
        <Typography variant="body2">
          No Flux objects of this entity were found in this cluster.
        </Typography>
      )}
      {[...appliers, ...sources].map(object => {
        const key = objectKey(object);
        return (
          <ObjectRow
            key={key}
            objectKey={key}
            object={object}
            expanded={expanded.has(key)}
            onToggle={onToggle}
            permissions={isApplier(object.kind) ? permissions : undefined}
            progress={progressOf(object)}
            onAction={isApplier(object.kind) ? onAction : undefined}
            impactOf={impactOf}
            alternative={
              object.kind === KUSTOMIZATION_KIND ? ownRelease : undefined
            }
          />
        );
      })}
      <EntityCoverage cluster={cluster} />
    </Box>
  );
}
