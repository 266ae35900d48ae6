/**
 * One kind's list+watch in one cluster (client-node's ListWatch, which
 * relists on 410 Gone). A failing watch is reported and restarted after a
 * backoff with a fresh ListWatch, whose list reveals objects deleted while
 * nothing watched; until then the objects last seen stay served.
 */
import {
  KubeConfig,
  KubernetesObject,
  ListWatch,
  Watch,
} from '@kubernetes/client-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import { FluxClusterError } from '@flux-portal/plugin-flux-common';
import { Backoff } from './Backoff';
import { toClusterError } from './clusterErrors';
import { listKind } from './listKind';
import { objectKey } from './ObjectStore';
import { collectionPath, WatchedKind } from './watchedKinds';

/** What an informer tells the cache it fills. */
export interface KindInformerListener {
  /** An object was added or changed. */
  upsert(obj: KubernetesObject): void;
  /** An object was deleted. */
  remove(obj: KubernetesObject): void;
  /** A (re)list finished with these `namespace/name` keys; any other object is gone. */
  listed(keys: ReadonlySet<string>): void;
  /** `synced` or `error` changed. */
  healthChanged(): void;
}

export interface KindInformerOptions {
  cluster: string;
  kubeConfig: KubeConfig;
  kind: WatchedKind;
  version: string;
  /** A list taking six times this long is abandoned as hung. */
  requestTimeoutMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  logger: LoggerService;
  listener: KindInformerListener;
}

export class KindInformer {
  readonly kind: WatchedKind;
  readonly version: string;
  /** True once listed, and again after each relist. */
  synced = false;
  /** Why the watch failed, until the next successful list. */
  error?: FluxClusterError;
  private readonly backoff: Backoff;
  private informer?: ListWatch<KubernetesObject>;
  private retry?: NodeJS.Timeout;
  /** Bumped on every restart so callbacks of an abandoned ListWatch are ignored. */
  private epoch = 0;
  private stopped = false;

  constructor(private readonly options: KindInformerOptions) {
    this.kind = options.kind;
    this.version = options.version;
    this.backoff = new Backoff(options.minBackoffMs, options.maxBackoffMs);
  }

  /** Starts (or restarts) with a fresh ListWatch. */
  start(): void {
    if (this.stopped) return;
    const { kubeConfig, listener } = this.options;
    const epoch = ++this.epoch;
    const current = () => epoch === this.epoch && !this.stopped;
    const informer = new ListWatch<KubernetesObject>(
      collectionPath(this.kind, this.version),
      new Watch(kubeConfig),
      async () => {
        const result = await listKind(
          kubeConfig,
          this.kind,
          this.version,
          this.options.requestTimeoutMs * 6,
        );
        if (current()) this.relisted(result.items ?? []);
        return result;
      },
      false,
    );
    const upsert = (obj: KubernetesObject) => {
      if (current()) listener.upsert(obj);
    };
    informer.on('add', upsert);
    informer.on('update', upsert);
    informer.on('delete', obj => {
      if (current()) listener.remove(obj);
    });
    informer.on('error', error => {
      if (current()) this.failed(informer, error);
    });
    this.informer = informer;
    informer.start().catch(error => {
      if (current())
        this.options.logger.warn(
          `Flux status: ${this.kind.kind} informer failed to start: ${error}`,
        );
    });
  }

  /** Stops at once (no callback after this returns); resolves when the ListWatch closed. */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.epoch++;
    return this.informer?.stop().catch(() => undefined) ?? Promise.resolve();
  }

  private relisted(items: KubernetesObject[]) {
    const keys = new Set(
      items.map(item =>
        objectKey(item.metadata?.namespace, item.metadata?.name),
      ),
    );
    this.options.listener.listed(keys);
    const healthChanged = !this.synced || this.error !== undefined;
    this.synced = true;
    this.error = undefined;
    this.backoff.reset();
    if (healthChanged) this.options.listener.healthChanged();
  }

  private failed(informer: ListWatch<KubernetesObject>, error: unknown) {
    const { cluster, logger, listener } = this.options;
    this.error = toClusterError(cluster, error, [this.kind.kind]);
    listener.healthChanged();
    const delayMs = this.backoff.next();
    logger.warn(
      `Flux status: ${this.error.message}; retrying in ${delayMs} ms`,
    );
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.start(), delayMs);
    void informer.stop().catch(() => undefined);
  }
}
