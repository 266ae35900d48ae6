/**
 * The runtime view: per cluster, the Flux controllers' health (their
 * Deployments in the Flux namespace) and counts of objects by kind and state.
 */
import {
  deriveStatus,
  FluxClusterDisplay,
  FluxClusterRuntime,
  FluxControllerHealth,
  FluxObjectWithStatus,
  FluxRuntime,
  FluxState,
  FLUX_SYSTEM_NAMESPACE,
  isFluxInstallationLabels,
} from '@flux-portal/plugin-flux-common';
import { ClusterSnapshot } from './types';
import { STATUS_KINDS } from './listObjects';

const CONTROLLER_NAMES = /-controller$/;

function controllersOf(cluster: ClusterSnapshot): FluxControllerHealth[] {
  const controllers: FluxControllerHealth[] = [];
  for (const d of cluster.view.list('Deployment') as Iterable<any>) {
    const partOfFlux = isFluxInstallationLabels(d.metadata?.labels);
    const inFluxSystem =
      d.metadata?.namespace === FLUX_SYSTEM_NAMESPACE &&
      CONTROLLER_NAMES.test(d.metadata?.name ?? '');
    if (!partOfFlux && !inFluxSystem) continue;
    const replicas = d.spec?.replicas ?? 1;
    const readyReplicas = d.status?.readyReplicas ?? 0;
    const image: string | undefined =
      d.spec?.template?.spec?.containers?.[0]?.image;
    const tag = image?.includes(':')
      ? image.slice(image.lastIndexOf(':') + 1)
      : undefined;
    controllers.push({
      name: d.metadata.name,
      namespace: d.metadata.namespace,
      ready: readyReplicas >= replicas,
      replicas,
      readyReplicas,
      version: tag,
    });
  }
  return controllers.sort((a, b) => a.name.localeCompare(b.name));
}

export function buildRuntime(
  clusters: ReadonlyMap<
    string,
    ClusterSnapshot & { versionOf(kind: string): string | undefined }
  >,
  options: {
    now: number;
    staleAfterIntervals?: number;
    /** How each cluster is shown (title, labels), from config. */
    displayOf?: (cluster: string) => FluxClusterDisplay;
  },
): FluxRuntime {
  const result: FluxClusterRuntime[] = [];
  for (const [name, cluster] of clusters) {
    const counts: FluxClusterRuntime['counts'] = {};
    const versions: Record<string, string> = {};
    for (const kind of STATUS_KINDS) {
      const version = cluster.versionOf(kind);
      if (version) versions[kind] = version;
      const byState: Partial<Record<FluxState, number>> = {};
      for (const obj of cluster.view.list(kind)) {
        const { state } = deriveStatus(
          { ...(obj as FluxObjectWithStatus), kind },
          options,
        );
        byState[state] = (byState[state] ?? 0) + 1;
      }
      if (Object.keys(byState).length > 0) counts[kind] = byState;
    }
    result.push({
      cluster: name,
      ...options.displayOf?.(name),
      synced: cluster.synced,
      controllers: controllersOf(cluster),
      counts,
      versions,
      errors: cluster.errors(),
    });
  }
  return { clusters: result, generatedAt: new Date(options.now).toISOString() };
}
