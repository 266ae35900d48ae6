/**
 * One cluster's caches: API discovery, then a client-node ListWatch per
 * watched kind. A failing kind or cluster is retried with exponential
 * backoff and reported, while the last objects seen are kept (a cluster
 * going down never blanks a page). Relists on 410 Gone are client-node's.
 */
import { EventEmitter } from 'node:events';
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
  ListWatch,
  Watch,
} from '@kubernetes/client-node';
import {
  FluxClusterError,
  FluxObjectRef,
} from '@flux-portal/plugin-flux-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { discoverVersions, DiscoveredKind } from './discoverVersions';
import { collectionPath, WatchedKind } from './watchedKinds';
import { toClusterError } from './clusterErrors';
import { withTimeout } from './withTimeout';

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

interface KindState {
  kind: WatchedKind;
  version: string;
  objects: Map<string, KubernetesObject>;
  synced: boolean;
  error?: FluxClusterError;
  informer?: ListWatch<KubernetesObject>;
  backoffMs: number;
  retry?: NodeJS.Timeout;
  /** Bumped on every restart so callbacks of an abandoned informer are ignored. */
  epoch: number;
}

const keyOf = (namespace: string | undefined, name: string | undefined) =>
  `${namespace ?? ''}/${name ?? ''}`;

export class ClusterWatcher {
  readonly name: string;
  readonly kubeConfig: KubeConfig;
  private readonly logger: LoggerService;
  private readonly timeoutMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly kinds = new Map<string, KindState>();
  private readonly emitter = new EventEmitter();
  /** Events by involved object (`Kind/ns/name`), kept as Events come and go. */
  private readonly eventsByObject = new Map<
    string,
    Map<string, KubernetesObject>
  >();
  /** Change counters per object (`Kind/ns/name`), per kind (`list:Kind`) and per object's events (`events:Kind/ns/name`). */
  private readonly changeCounts = new Map<string, number>();
  /** Bumped whenever errors or sync state change. */
  private healthVersion = 0;
  private discoveryError?: FluxClusterError;
  private discoveryRetry?: NodeJS.Timeout;
  private discoveryBackoffMs: number;
  private startedAt = Date.now();
  private stopped = false;

  constructor(options: ClusterWatcherOptions) {
    this.name = options.name;
    this.kubeConfig = options.kubeConfig;
    this.logger = options.logger.child({ cluster: options.name });
    this.timeoutMs = options.requestTimeoutMs;
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs;
    this.discoveryBackoffMs = this.minBackoffMs;
    this.emitter.setMaxListeners(0);
  }

  /** Starts discovery and the watches; never throws, failures are retried and reported. */
  start(): void {
    this.startedAt = Date.now();
    void this.discover();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.discoveryRetry);
    for (const state of this.kinds.values()) {
      clearTimeout(state.retry);
      state.epoch++;
      await state.informer?.stop().catch(() => undefined);
    }
    this.emitter.removeAllListeners();
  }

  /**
   * How often what a key names has changed (see changeCounts; `#health` for
   * errors and sync state): a cached answer built from equal counts is current.
   */
  changeCountOf(key: string): number {
    return key === '#health'
      ? this.healthVersion
      : this.changeCounts.get(key) ?? 0;
  }

  private bump(key: string) {
    this.changeCounts.set(key, (this.changeCounts.get(key) ?? 0) + 1);
  }

  /** Subscribes to object changes; returns the unsubscribe function. */
  onChange(listener: (ref: FluxObjectRef) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  get(
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined {
    return this.kinds.get(kind)?.objects.get(keyOf(namespace, name));
  }

  list(kind: string): Iterable<KubernetesObject> {
    return this.kinds.get(kind)?.objects.values() ?? [];
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
    const events = this.eventsByObject.get(`${kind}/${namespace}/${name}`);
    return events ? [...events.values()] : [];
  }

  /** The API version watched for a kind, when the cluster serves it. */
  versionOf(kind: string): string | undefined {
    return this.kinds.get(kind)?.version;
  }

  /** True once discovery finished and every served kind has been listed. */
  get synced(): boolean {
    return (
      this.kinds.size > 0 &&
      [...this.kinds.values()].every(state => state.synced)
    );
  }

  /**
   * What is wrong with this cluster right now, per kind where only some
   * kinds fail. A cluster still syncing past the timeout is reported too.
   */
  errors(kinds?: readonly string[]): FluxClusterError[] {
    if (this.discoveryError) return [this.discoveryError];
    if (this.kinds.size === 0) {
      return Date.now() - this.startedAt > this.timeoutMs
        ? [
            {
              cluster: this.name,
              reason: 'Timeout',
              message: `cluster '${this.name}' did not answer API discovery within ${this.timeoutMs} ms; still trying`,
            },
          ]
        : [
            {
              cluster: this.name,
              reason: 'Syncing',
              message: `cluster '${this.name}' is being discovered`,
            },
          ];
    }
    const errors: FluxClusterError[] = [];
    const unsynced: string[] = [];
    for (const state of this.kinds.values()) {
      if (kinds && !kinds.includes(state.kind.kind)) continue;
      if (state.error) errors.push(state.error);
      else if (!state.synced) unsynced.push(state.kind.kind);
    }
    if (unsynced.length > 0) {
      const late = Date.now() - this.startedAt > this.timeoutMs;
      errors.push({
        cluster: this.name,
        reason: late ? 'Timeout' : 'Syncing',
        message: late
          ? `cluster '${this.name}' did not list ${unsynced.join(
              ', ',
            )} within ${this.timeoutMs} ms; still trying`
          : `cluster '${this.name}' is listing ${unsynced.join(', ')}`,
        kinds: unsynced,
      });
    }
    return errors;
  }

  private async discover(): Promise<void> {
    if (this.stopped) return;
    let discovered: DiscoveredKind[];
    try {
      discovered = await discoverVersions(this.kubeConfig, this.timeoutMs);
    } catch (error) {
      if (this.stopped) return;
      this.discoveryError = toClusterError(this.name, error);
      this.healthVersion++;
      this.logger.warn(
        `Flux status: ${this.discoveryError.message}; retrying in ${this.discoveryBackoffMs} ms`,
      );
      this.discoveryRetry = setTimeout(
        () => void this.discover(),
        this.discoveryBackoffMs,
      );
      this.discoveryBackoffMs = Math.min(
        this.discoveryBackoffMs * 2,
        this.maxBackoffMs,
      );
      return;
    }
    this.discoveryError = undefined;
    this.healthVersion++;
    this.logger.info(
      `Flux status: watching ${discovered
        .map(d => `${d.kind.kind} ${d.version}`)
        .join(', ')}`,
    );
    for (const { kind, version } of discovered) {
      const state: KindState = {
        kind,
        version,
        objects: new Map(),
        synced: false,
        backoffMs: this.minBackoffMs,
        epoch: 0,
      };
      this.kinds.set(kind.kind, state);
      this.startInformer(state);
    }
  }

  private listFn(state: KindState) {
    const { kind, version } = state;
    return async () => {
      let request: Promise<any>;
      if (kind.group === '') {
        request = this.kubeConfig
          .makeApiClient(CoreV1Api)
          .listEventForAllNamespaces();
      } else if (kind.group === 'apps') {
        request = this.kubeConfig
          .makeApiClient(AppsV1Api)
          .listDeploymentForAllNamespaces();
      } else {
        request = this.kubeConfig
          .makeApiClient(CustomObjectsApi)
          .listClusterCustomObject({
            group: kind.group,
            version,
            plural: kind.plural,
          });
      }
      // A blackholed connection would otherwise hang the informer forever.
      return withTimeout(request, this.timeoutMs * 6, `list ${kind.kind}`);
    };
  }

  /**
   * A fresh ListWatch each (re)start: it lists, so objects deleted while the
   * watch was down are noticed; until then the previous objects are served.
   */
  private startInformer(state: KindState): void {
    if (this.stopped) return;
    const epoch = ++state.epoch;
    const current = () => epoch === state.epoch && !this.stopped;
    const list = this.listFn(state);
    const listed = new Set<string>();
    const informer = new ListWatch<KubernetesObject>(
      collectionPath(state.kind, state.version),
      new Watch(this.kubeConfig),
      async () => {
        const result = await list();
        if (!current()) return result;
        // Objects that vanished while we were not watching.
        listed.clear();
        for (const item of result.items ?? []) {
          listed.add(keyOf(item.metadata?.namespace, item.metadata?.name));
        }
        for (const [key, obj] of state.objects) {
          if (!listed.has(key)) this.remove(state, obj);
        }
        if (!state.synced || state.error) this.healthVersion++;
        state.synced = true;
        state.error = undefined;
        state.backoffMs = this.minBackoffMs;
        return result;
      },
      false,
    );
    const upsert = (obj: KubernetesObject) => {
      if (current()) this.store(state, obj);
    };
    informer.on('add', upsert);
    informer.on('update', upsert);
    informer.on('delete', obj => {
      if (current()) this.remove(state, obj);
    });
    informer.on('error', error => {
      if (!current()) return;
      state.error = toClusterError(this.name, error, [state.kind.kind]);
      this.healthVersion++;
      this.logger.warn(
        `Flux status: ${state.error.message}; retrying in ${state.backoffMs} ms`,
      );
      clearTimeout(state.retry);
      state.retry = setTimeout(
        () => this.startInformer(state),
        state.backoffMs,
      );
      state.backoffMs = Math.min(state.backoffMs * 2, this.maxBackoffMs);
      void informer.stop().catch(() => undefined);
    });
    state.informer = informer;
    informer.start().catch(error => {
      if (current())
        this.logger.warn(
          `Flux status: ${state.kind.kind} informer failed to start: ${error}`,
        );
    });
  }

  private store(state: KindState, obj: KubernetesObject) {
    const key = keyOf(obj.metadata?.namespace, obj.metadata?.name);
    state.objects.set(key, obj);
    if (state.kind.kind === 'Event') {
      const about = involvedKey(obj);
      let events = this.eventsByObject.get(about);
      if (!events) this.eventsByObject.set(about, (events = new Map()));
      events.set(key, obj);
    }
    this.changed(state, obj);
  }

  private remove(state: KindState, obj: KubernetesObject) {
    const key = keyOf(obj.metadata?.namespace, obj.metadata?.name);
    state.objects.delete(key);
    if (state.kind.kind === 'Event') {
      const about = involvedKey(obj);
      const events = this.eventsByObject.get(about);
      events?.delete(key);
      if (events?.size === 0) this.eventsByObject.delete(about);
    }
    this.changed(state, obj);
  }

  /** Counts the change (see changeCountOf) and tells subscribers. */
  private changed(state: KindState, obj: KubernetesObject) {
    // An event is news about its involved object, not about itself.
    const involved =
      state.kind.kind === 'Event'
        ? (obj as any).involvedObject ?? {}
        : undefined;
    const ref: FluxObjectRef = {
      cluster: this.name,
      kind: involved ? involved.kind ?? '' : state.kind.kind,
      namespace: (involved ?? obj.metadata)?.namespace ?? '',
      name: (involved ?? obj.metadata)?.name ?? '',
    };
    if (involved) {
      this.bump(`events:${ref.kind}/${ref.namespace}/${ref.name}`);
    } else {
      this.bump(`${ref.kind}/${ref.namespace}/${ref.name}`);
      this.bump(`list:${ref.kind}`);
    }
    this.emitter.emit('change', ref);
  }
}

/** `Kind/ns/name` of the object an Event is about. */
function involvedKey(event: KubernetesObject): string {
  const involved = (event as any).involvedObject ?? {};
  return `${involved.kind}/${involved.namespace ?? ''}/${involved.name}`;
}
