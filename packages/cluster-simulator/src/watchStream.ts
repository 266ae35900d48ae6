/**
 * One watch connection: newline-delimited JSON events on a chunked 200
 * response. Without a resourceVersion (or with "0") it starts with ADDED for
 * every matching object; with one it replays retained history after it, or
 * sends a single ERROR event carrying a 410 Status when that history is gone,
 * then ends, as the apiserver's watch cache does; a resourceVersion newer
 * than any it has (a client that outlived a restart) gets a 504
 * "Too large resource version" ERROR event. Selector-filtered watches
 * see an object that starts or stops matching as ADDED or DELETED.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { expired, KubeStatus, tooLargeResourceVersion } from './apiStatus';
import { ObjectPredicate } from './selectors';
import { ResourceType } from './resources';
import { ObjectStore, StoreEvent } from './store';
import { ClusterObject } from './clusterObject';

export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  matches: ObjectPredicate;
  /** undefined or 0: start with the current state. */
  resourceVersion?: number;
  allowBookmarks: boolean;
  bookmarkIntervalMs: number;
  timeoutSeconds?: number;
  present: (obj: ClusterObject) => ClusterObject;
}

export class WatchStream {
  private closed = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly store: ObjectStore,
    private readonly request: WatchRequest,
    private readonly onClose: (stream: WatchStream) => void,
  ) {}

  start(): void {
    const { res, req, request } = this;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    req.on('close', () => this.close());
    res.on('close', () => this.close());

    if (!request.resourceVersion) {
      for (const obj of this.store.list(request.type, request.namespace)) {
        if (request.matches(obj)) this.send('ADDED', obj);
      }
    } else if (request.resourceVersion > this.store.resourceVersion) {
      this.sendError(
        tooLargeResourceVersion(
          request.resourceVersion,
          this.store.resourceVersion,
        ),
      );
      this.end();
      return;
    } else {
      const events = this.store.eventsSince(request.resourceVersion);
      if (events === 'expired') {
        this.sendError(
          expired(
            request.resourceVersion,
            this.store.oldestRetainedResourceVersion,
          ),
        );
        this.end();
        return;
      }
      events.forEach(e => this.deliver(e));
    }
    this.cleanups.push(this.store.subscribe(e => this.deliver(e)));

    if (request.allowBookmarks) {
      const timer = setInterval(
        () => this.sendBookmark(),
        request.bookmarkIntervalMs,
      );
      this.cleanups.push(() => clearInterval(timer));
    }
    if (request.timeoutSeconds && request.timeoutSeconds > 0) {
      const timer = setTimeout(() => this.end(), request.timeoutSeconds * 1000);
      this.cleanups.push(() => clearTimeout(timer));
    }
  }

  private deliver(event: StoreEvent) {
    if (event.type !== this.request.type) return;
    const inScope = (obj: ClusterObject | undefined) =>
      !!obj &&
      (!this.request.namespace ||
        obj.metadata?.namespace === this.request.namespace) &&
      this.request.matches(obj);
    const now = inScope(event.object);
    if (event.eventType === 'MODIFIED') {
      const before = inScope(event.previous);
      if (now && before) this.send('MODIFIED', event.object);
      else if (now) this.send('ADDED', event.object);
      else if (before) this.send('DELETED', event.object);
    } else if (now) {
      this.send(event.eventType, event.object);
    }
  }

  private write(line: unknown) {
    if (this.closed) return;
    this.res.write(`${JSON.stringify(line)}\n`);
  }

  private send(type: string, obj: ClusterObject) {
    this.write({ type, object: this.request.present(obj) });
  }

  private sendError(status: KubeStatus) {
    this.write({ type: 'ERROR', object: status });
  }

  /** A BOOKMARK carries only the kind and the resourceVersion the watch has reached. */
  sendBookmark() {
    const shell = this.request.present({
      metadata: { resourceVersion: String(this.store.resourceVersion) },
    });
    this.write({
      type: 'BOOKMARK',
      object: {
        kind: shell.kind,
        apiVersion: shell.apiVersion,
        metadata: shell.metadata,
      },
    });
  }

  /** Ends the stream cleanly (the client sees the response end). */
  end() {
    if (this.closed) return;
    this.res.end();
    this.close();
  }

  /** Cuts the connection without ending the chunked body. */
  destroy() {
    if (this.closed) return;
    this.res.destroy();
    this.close();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    this.cleanups.forEach(c => c());
    this.onClose(this);
  }
}
