/**
 * A cluster as the backend's config says to show it (`flux.clusters`): its
 * title, else its name, and its labels (e.g. `environment: simulated`) as
 * chips, so people can tell a demo or staging cluster from production.
 */
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import type { FluxClusterDisplay } from '@flux-portal/plugin-flux-common';

/** The cluster's title, or its name when none is configured. */
export function clusterTitle(
  cluster: FluxClusterDisplay & { cluster: string },
): string {
  return cluster.title ?? cluster.cluster;
}

/** The cluster's labels as outlined chips; nothing when it has none. */
export function ClusterLabels(props: {
  cluster: FluxClusterDisplay & { cluster: string };
}) {
  const labels = Object.entries(props.cluster.labels ?? {});
  if (labels.length === 0) return null;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 4 }}
      aria-label={`Labels of cluster ${props.cluster.cluster}`}
    >
      {labels.map(([name, value]) => (
        <Chip
          key={name}
          size="small"
          variant="outlined"
          label={`${name}: ${value}`}
          data-testid="flux-cluster-label"
        />
      ))}
    </Box>
  );
}
