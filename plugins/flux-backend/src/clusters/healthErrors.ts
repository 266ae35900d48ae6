/**
 * What is wrong with a cluster right now, from its watch state: discovery
 * failing, kinds failing (each with its own error, e.g. a 403 for one
 * kind), or kinds still listing, reported as Timeout once the request
 * timeout has passed since the watcher started.
 */
import { FluxClusterError } from '@flux-portal/plugin-flux-common';
import { WatchedKind } from './watchedKinds';

export interface ClusterHealth {
  cluster: string;
  discoveryError?: FluxClusterError;
  /** One per kind the cluster serves; none until discovery finished. */
  informers: ReadonlyArray<{
    kind: WatchedKind;
    synced: boolean;
    error?: FluxClusterError;
  }>;
  /** Whether the request timeout has passed since the watcher started. */
  late: boolean;
  timeoutMs: number;
}

function discoveryErrors(health: ClusterHealth): FluxClusterError[] {
  const { cluster, timeoutMs } = health;
  if (health.discoveryError) return [health.discoveryError];
  return health.late
    ? [
        {
          cluster,
          reason: 'Timeout',
          message: `cluster '${cluster}' did not answer API discovery within ${timeoutMs} ms; still trying`,
        },
      ]
    : [
        {
          cluster,
          reason: 'Syncing',
          message: `cluster '${cluster}' is being discovered`,
        },
      ];
}

/** The errors concerning the given kinds (default: all). */
export function healthErrors(
  health: ClusterHealth,
  kinds?: readonly string[],
): FluxClusterError[] {
  if (health.discoveryError || health.informers.length === 0) {
    return discoveryErrors(health);
  }
  const { cluster, timeoutMs, late } = health;
  const errors: FluxClusterError[] = [];
  const unsynced: string[] = [];
  for (const informer of health.informers) {
    if (kinds && !kinds.includes(informer.kind.kind)) continue;
    if (informer.error) errors.push(informer.error);
    else if (!informer.synced) unsynced.push(informer.kind.kind);
  }
  if (unsynced.length > 0) {
    errors.push({
      cluster,
      reason: late ? 'Timeout' : 'Syncing',
      message: late
        ? `cluster '${cluster}' did not list ${unsynced.join(
            ', ',
          )} within ${timeoutMs} ms; still trying`
        : `cluster '${cluster}' is listing ${unsynced.join(', ')}`,
      kinds: unsynced,
    });
  }
  return errors;
}
