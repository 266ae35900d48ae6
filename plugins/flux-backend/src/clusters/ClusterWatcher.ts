/**
 * One cluster's cache: API discovery, then a KindInformer per kind the
 * cluster serves, filling an ObjectStore, an EventIndex and ChangeCounts.
 * Discovery is retried with backoff like the informers, and failures are
 * reported (see errors) while the last objects seen are kept: a cluster
 * going down never blanks a page.
 */
import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import {
  FluxClusterError,
  FluxObjectRef,
} from '@flux-portal/plugin-flux-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Backoff } from './Backoff';
import { ChangeCounts } from './ChangeCounts';
import { toClusterError } from './clusterErrors';
import { DiscoveredKind, discoverVersions } from './discoverVersions';
import { EventIndex, involvedObjectOf } from './EventIndex';
import { healthErrors } from './healthErrors';
import { KindInformer } from './KindInformer';
import { ObjectStore } from './ObjectStore';
import { WatchedKind } from './watchedKinds';

export interface ClusterWatcherOptions {
  name: string;
  kubeConfig: KubeConfig;
  logger: LoggerService;
  /** Time to answer discovery and initial lists before being reported. */
  requestTimeoutMs: number;
  /** Backoff bounds for reconnects (first delay default 500 ms). */
  minBackoffMs?: number;
  maxBackoffMs: number;
}

export class ClusterWatcher {
  readonly name: string;
  readonly kubeConfig: KubeConfig;
  private readonly logger: LoggerService;
  private readonly timeoutMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  /** By kind name, once discovery finished. */
  private readonly informers = new Map<string, KindInformer>();
  private readonly store = new ObjectStore();
  private readonly events = new EventIndex();
  private readonly changes = new ChangeCounts();
  private discoveryError?: FluxClusterError;
  private discoveryRetry?: NodeJS.Timeout;
  private readonly discoveryBackoff: Backoff;
  private startedAt = Date.now();
  private stopped = false;

  constructor(options: ClusterWatcherOptions) {
    this.name = options.name;
    this.kubeConfig = options.kubeConfig;
    this.logger = options.logger.child({ cluster: options.name });
    this.timeoutMs = options.requestTimeoutMs;
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs;
    this.discoveryBackoff = new Backoff(this.minBackoffMs, this.maxBackoffMs);
  }

  /** Starts discovery and the watches; never throws, failures are retried and reported. */
  start(): void {
    this.startedAt = Date.now();
    void this.discover();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.discoveryRetry);
    // Every informer stops at once; then their connections are closed.
    const closing = [...this.informers.values()].map(i => i.stop());
    await Promise.all(closing);
    this.changes.removeAllListeners();
  }

  /**
   * How often what a key names has changed (see changeKeys): a cached
   * answer built from equal counts is current.
   */
  changeCountOf(key: string): number {
    return this.changes.countOf(key);
  }

  /** Subscribes to object changes; returns the unsubscribe function. */
  onChange(listener: (ref: FluxObjectRef) => void): () => void {
    return this.changes.onChange(listener);
  }

  get(
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined {
    return this.store.get(kind, namespace, name);
  }

  list(kind: string): Iterable<KubernetesObject> {
    return this.store.list(kind);
  }

  get cluster(): string {
    return this.name;
  }

  /** A watcher is its own view of the cluster's objects (see ClusterSnapshot). */
  get view(): this {
    return this;
  }

  /** Events about one object. */
  eventsFor(
    kind: string,
    namespace: string,
    name: string,
  ): readonly KubernetesObject[] {
    return this.events.eventsFor({ kind, namespace, name });
  }

  /** The API version watched for a kind, when the cluster serves it. */
  versionOf(kind: string): string | undefined {
    return this.informers.get(kind)?.version;
  }

  /**
   * True once discovery finished and every served kind has been listed (an
   * optional kind the cluster refuses to list does not hold it back).
   */
  get synced(): boolean {
    return (
      this.informers.size > 0 &&
      [...this.informers.values()].every(
        informer =>
          informer.synced ||
          (informer.kind.optional === true && informer.error !== undefined),
      )
    );
  }

  /**
   * What is wrong with this cluster right now, per kind where only some
   * kinds fail. A cluster still syncing past the timeout is reported too.
   */
  errors(kinds?: readonly string[]): FluxClusterError[] {
    return healthErrors(
      {
        cluster: this.name,
        discoveryError: this.discoveryError,
        informers: [...this.informers.values()],
        late: Date.now() - this.startedAt > this.timeoutMs,
        timeoutMs: this.timeoutMs,
      },
      kinds,
    );
  }

  private async discover(): Promise<void> {
    if (this.stopped) return;
    let discovered: DiscoveredKind[];
    try {
      discovered = await discoverVersions(this.kubeConfig, this.timeoutMs);
    } catch (error) {
      if (this.stopped) return;
      this.discoveryError = toClusterError(this.name, error);
      this.changes.healthChanged();
      const delayMs = this.discoveryBackoff.next();
      this.logger.warn(
        `Flux status: ${this.discoveryError.message}; retrying in ${delayMs} ms`,
      );
      this.discoveryRetry = setTimeout(() => void this.discover(), delayMs);
      return;
    }
    // Stopped while discovering: informers started now would never stop.
    if (this.stopped) return;
    this.discoveryError = undefined;
    this.changes.healthChanged();
    this.logger.info(
      `Flux status: watching ${discovered
        .map(d => `${d.kind.kind} ${d.version}`)
        .join(', ')}`,
    );
    for (const { kind, version } of discovered) {
      const informer = this.informerOf(kind, version);
      this.informers.set(kind.kind, informer);
      informer.start();
    }
  }

  private informerOf(kind: WatchedKind, version: string): KindInformer {
    return new KindInformer({
      cluster: this.name,
      kubeConfig: this.kubeConfig,
      kind,
      version,
      requestTimeoutMs: this.timeoutMs,
      minBackoffMs: this.minBackoffMs,
      maxBackoffMs: this.maxBackoffMs,
      logger: this.logger,
      listener: {
        upsert: obj => this.upsert(kind.kind, obj),
        remove: obj => this.remove(kind.kind, obj),
        listed: keys => {
          for (const gone of this.store.missingFrom(kind.kind, keys)) {
            this.remove(kind.kind, gone);
          }
        },
        healthChanged: () => this.changes.healthChanged(),
      },
    });
  }

  private upsert(kind: string, obj: KubernetesObject) {
    this.store.set(kind, obj);
    if (kind === 'Event') this.events.add(obj);
    this.changed(kind, obj);
  }

  private remove(kind: string, obj: KubernetesObject) {
    this.store.delete(kind, obj);
    if (kind === 'Event') this.events.remove(obj);
    this.changed(kind, obj);
  }

  private changed(kind: string, obj: KubernetesObject) {
    if (kind === 'Event') {
      this.changes.eventsChanged({
        cluster: this.name,
        ...involvedObjectOf(obj),
      });
    } else {
      this.changes.objectChanged({
        cluster: this.name,
        kind,
        namespace: obj.metadata?.namespace ?? '',
        name: obj.metadata?.name ?? '',
      });
    }
  }
}
