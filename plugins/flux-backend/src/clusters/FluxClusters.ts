/**
 * All configured clusters' watchers: started with the backend, stopped with
 * it, and read as snapshots by the status code.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FluxClusterDisplay,
  FluxObjectRef,
} from '@flux-portal/plugin-flux-common';
import { ClusterWatcher } from './ClusterWatcher';
import { FluxClusterConfig } from './readClusterConfigs';

export interface FluxClustersOptions {
  clusters: FluxClusterConfig[];
  logger: LoggerService;
  /** flux.requestTimeoutMs and flux.maxBackoffMs (see readFluxConfig). */
  requestTimeoutMs: number;
  maxBackoffMs: number;
  /** The first reconnect delay (default 500 ms). */
  minBackoffMs?: number;
}

export class FluxClusters {
  private readonly watchers = new Map<string, ClusterWatcher>();
  readonly configs: ReadonlyMap<string, FluxClusterConfig>;

  constructor(options: FluxClustersOptions) {
    const configs = new Map<string, FluxClusterConfig>();
    for (const cluster of options.clusters) {
      configs.set(cluster.name, cluster);
      this.watchers.set(
        cluster.name,
        new ClusterWatcher({
          name: cluster.name,
          kubeConfig: cluster.kubeConfig,
          logger: options.logger,
          requestTimeoutMs: options.requestTimeoutMs,
          minBackoffMs: options.minBackoffMs,
          maxBackoffMs: options.maxBackoffMs,
        }),
      );
    }
    this.configs = configs;
  }

  start(): void {
    for (const watcher of this.watchers.values()) watcher.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.watchers.values()].map(w => w.stop()));
  }

  /** The watchers; each is a ClusterSnapshot of its cluster. */
  snapshots(): ReadonlyMap<string, ClusterWatcher> {
    return this.watchers;
  }

  /** How a cluster is shown (title, labels); nothing for unknown names. */
  displayOf(name: string): FluxClusterDisplay {
    return this.configs.get(name)?.display ?? {};
  }

  watcher(name: string): ClusterWatcher | undefined {
    return this.watchers.get(name);
  }

  onChange(
    listener: (ref: FluxObjectRef) => void,
    clusters?: readonly string[],
  ): () => void {
    const offs = [...this.watchers.values()]
      .filter(w => !clusters || clusters.includes(w.name))
      .map(w => w.onChange(listener));
    return () => offs.forEach(off => off());
  }
}
