/**
 * The simulated cluster: a node:http server on loopback implementing the part
 * of the Kubernetes API a Flux status backend uses (discovery, list, get,
 * watch, merge-patch, bearer-token auth, Status errors), backed by the
 * in-memory store, the simulated controllers and the fault controls.
 */
import { randomBytes } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { joinApiVersion } from '@flux-portal/plugin-flux-common';
import { handleAdmin } from './adminApi';
import {
  ApiError,
  badRequest,
  conflict,
  failure,
  forbidden,
  internalError,
  KubeStatus,
  methodNotAllowed,
  pathNotFound,
  unauthorized,
  unsupportedMediaType,
} from './apiStatus';
import { cloneJson } from './clone';
import { ReconcileDelays, SimulatedControllers } from './controllers';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from './discovery';
import { FaultControls, Faults, FaultState } from './faults';
import { applyMergePatch } from './mergePatch';
import {
  DEFAULT_SERVED_VERSIONS,
  ResourceType,
  ServedVersions,
} from './resources';
import { route } from './routes';
import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { ObjectStore, typeOfObject } from './store';
import { ClusterObject } from './clusterObject';
import { WatchStream } from './watchStream';

/** @public */
export interface ClusterSimulatorOptions {
  /** Cluster name, for logs and the admin state (default 'simulated'). */
  name?: string;
  /** Listen address; loopback only by default. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Bearer token clients must send; a random one when omitted. */
  token?: string;
  /** Objects to start with (use seedFluxStatuses to give Flux objects statuses). */
  objects?: ClusterObject[];
  /** Served versions per API group, newest first; groups not listed keep the defaults, [] stops serving a group. */
  servedVersions?: Partial<ServedVersions>;
  reconcileDelays?: Partial<ReconcileDelays>;
  /**
   * Re-run each Kustomization every spec.interval, as kustomize-controller
   * does (off by default so tests are quiet). `timeScale` > 1 makes
   * intervals pass faster; `checkEveryMs` is how often due runs are looked for.
   */
  periodicReconcile?: boolean | { checkEveryMs?: number; timeScale?: number };
  /** How many change events watches can replay (default 1000). */
  historyLimit?: number;
  /** How often watches with allowWatchBookmarks get a BOOKMARK (default 60 s, as kube-apiserver). */
  bookmarkIntervalMs?: number;
  /** The user named in 403 messages. */
  user?: string;
  now?: () => Date;
}

/** @public */
export interface SimulatorState {
  name: string;
  url: string;
  up: boolean;
  resourceVersion: number;
  oldestRetainedResourceVersion: number;
  openWatches: number;
  requests: number;
  faults: FaultState;
  servedVersions: ServedVersions;
}

/** A running simulated cluster. @public */
export interface ClusterSimulator {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly faults: FaultControls;
  /** The latest resourceVersion. */
  readonly resourceVersion: number;
  /** Creates or replaces an object, status included (as a controller would). */
  upsert(obj: ClusterObject): ClusterObject;
  get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): ClusterObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): ClusterObject[];
  remove(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): void;
  /**
   * A new artifact in a Flux source (a pushed commit, a new chart version):
   * the appliers using it reconcile to it. `revision` defaults to a fresh one.
   */
  newArtifact(
    kind: string,
    namespace: string,
    name: string,
    revision?: string,
  ): ClusterObject;
  /** Ends open watch streams (abruptly: cut the sockets); returns how many. */
  dropWatches(options?: { abrupt?: boolean }): number;
  /** Forgets the change history: watches from older resourceVersions get 410. */
  compactHistory(): void;
  /** Stops listening and cuts every connection; the port stays reserved for up(). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  state(): SimulatorState;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(
            failure(413, 'RequestEntityTooLarge', 'request body too large'),
          ),
        );
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch (e: any) {
    throw new ApiError(badRequest(`error decoding request body: ${e.message}`));
  }
}

function sendJson(res: ServerResponse, code: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}

/** The RBAC verb of a request, as named in 403 messages. */
function verbOf(
  method: string,
  name: string | undefined,
  params: URLSearchParams,
): string {
  if (method === 'PATCH') return 'patch';
  if (name) return 'get';
  return isTrue(params.get('watch')) ? 'watch' : 'list';
}

interface ContinueToken {
  rv: number;
  start: number;
}

class SimulatorServer implements ClusterSimulator {
  readonly name: string;
  readonly token: string;
  readonly faults = new Faults();
  private readonly store: ObjectStore;
  private readonly controllers: SimulatedControllers;
  private readonly served: ServedVersions;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<WatchStream>();
  private listening = false;
  private stopped = false;
  private requests = 0;
  private boundPort = 0;

  constructor(private readonly options: ClusterSimulatorOptions) {
    this.name = options.name ?? 'simulated';
    this.token = options.token ?? randomBytes(24).toString('hex');
    const now = options.now ?? (() => new Date());
    this.served = { ...DEFAULT_SERVED_VERSIONS };
    for (const [group, versions] of Object.entries(
      options.servedVersions ?? {},
    )) {
      if (versions) this.served[group] = versions;
    }
    this.store = new ObjectStore({
      historyLimit: options.historyLimit ?? 1000,
      now,
    });
    for (const obj of options.objects ?? []) this.store.upsert(obj);
    this.controllers = new SimulatedControllers(
      this.store,
      { startMs: 150, finishMs: 600, ...options.reconcileDelays },
      now,
    );
    if (options.periodicReconcile) {
      const periodic =
        options.periodicReconcile === true ? {} : options.periodicReconcile;
      this.controllers.startPeriodicReconciles(
        periodic.checkEveryMs ?? 5000,
        periodic.timeScale ?? 1,
      );
    }
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(error => this.sendError(res, error));
    });
    this.server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    const host = this.options.host ?? '127.0.0.1';
    return `http://${host.includes(':') ? `[${host}]` : host}:${
      this.boundPort
    }`;
  }

  get resourceVersion(): number {
    return this.store.resourceVersion;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  // ---- object access -------------------------------------------------------

  private typeFor(apiVersion: string, kind: string): ResourceType {
    return typeOfObject({ apiVersion, kind });
  }

  upsert(obj: ClusterObject): ClusterObject {
    return this.store.upsert(obj);
  }

  get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    return this.store.get(this.typeFor(apiVersion, kind), namespace, name);
  }

  list(apiVersion: string, kind: string, namespace?: string) {
    return this.store.list(this.typeFor(apiVersion, kind), namespace);
  }

  remove(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    this.store.delete(this.typeFor(apiVersion, kind), namespace, name);
  }

  newArtifact(
    kind: string,
    namespace: string,
    name: string,
    revision?: string,
  ) {
    return this.controllers.newArtifact(kind, namespace, name, revision);
  }

  // ---- fault controls ------------------------------------------------------

  dropWatches(options?: { abrupt?: boolean }): number {
    const open = [...this.watches];
    open.forEach(w => (options?.abrupt ? w.destroy() : w.end()));
    return open.length;
  }

  compactHistory(): void {
    this.store.compact();
  }

  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    this.dropWatches({ abrupt: true });
    const closed = new Promise<void>(resolve =>
      this.server.close(() => resolve()),
    );
    this.sockets.forEach(s => s.destroy());
    await closed;
  }

  async up(): Promise<void> {
    // A stopped simulator stays stopped (e.g. an admin "down for N ms" timer firing late).
    if (this.listening || this.stopped) return;
    await this.listen(this.boundPort);
  }

  state(): SimulatorState {
    return {
      name: this.name,
      url: this.url,
      up: this.listening,
      resourceVersion: this.store.resourceVersion,
      oldestRetainedResourceVersion: this.store.oldestRetainedResourceVersion,
      openWatches: this.watches.size,
      requests: this.requests,
      faults: this.faults.state(),
      servedVersions: cloneJson(this.served),
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controllers.stop();
    await this.down();
  }

  // ---- HTTP ----------------------------------------------------------------

  private sendError(res: ServerResponse, error: unknown) {
    let status: KubeStatus;
    if (error instanceof ApiError) status = error.status;
    else if (error instanceof SelectorError) status = badRequest(error.message);
    else status = internalError(String((error as Error)?.message ?? error));
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, status.code, status);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    return header === `Bearer ${this.token}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    if (['/healthz', '/readyz', '/livez'].includes(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (url.pathname.startsWith('/_simulator/')) {
      if (!this.authorized(req)) throw new ApiError(unauthorized());
      const body =
        method === 'POST' ? parseJson(await readBody(req)) : undefined;
      const answer = await handleAdmin(this, method, url, body);
      sendJson(res, answer.code, answer.body);
      return;
    }
    this.requests++;
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    if (!this.authorized(req)) throw new ApiError(unauthorized());
    const injected = this.faults.takeFailure();
    if (injected)
      throw new ApiError(
        internalError('injected failure (cluster-simulator)', injected),
      );

    const target = route(this.served, url.pathname);
    if (target.kind === 'none') throw new ApiError(pathNotFound());
    if (target.kind === 'discovery') {
      if (method !== 'GET') throw new ApiError(methodNotAllowed());
      sendJson(
        res,
        200,
        this.discovery(target.doc, target.group, target.version),
      );
      return;
    }
    const { type, version, namespace, name, subresource } = target;
    const verb = verbOf(method, name, url.searchParams);
    if (this.faults.isForbidden(type)) {
      throw new ApiError(
        forbidden(
          type,
          verb,
          namespace,
          this.options.user ??
            'system:serviceaccount:flux-portal:flux-portal-reader',
        ),
      );
    }
    const kindFailure = this.faults.failureCodeFor(type);
    if (kindFailure) {
      throw new ApiError(
        internalError(
          `injected failure for ${type.plural} (cluster-simulator)`,
          kindFailure,
        ),
      );
    }
    const present = (obj: ClusterObject) => this.present(obj, type, version);
    if (method === 'GET' && name) {
      sendJson(res, 200, present(this.store.mustGet(type, namespace, name)));
    } else if (method === 'GET' && verb === 'watch') {
      this.watch(req, res, type, namespace, url.searchParams, present);
    } else if (method === 'GET') {
      sendJson(
        res,
        200,
        this.listResponse(type, version, namespace, url.searchParams),
      );
    } else if (method === 'PATCH' && name) {
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim();
      if (contentType !== 'application/merge-patch+json') {
        throw new ApiError(unsupportedMediaType(contentType));
      }
      const patch = parseJson(await readBody(req));
      sendJson(
        res,
        200,
        present(
          this.patch(type, namespace, name, patch, subresource === 'status'),
        ),
      );
    } else {
      throw new ApiError(methodNotAllowed());
    }
  }

  private discovery(doc: string, group: string, version: string): unknown {
    switch (doc) {
      case 'version':
        return versionInfo();
      case 'api':
        return apiVersions(`127.0.0.1:${this.boundPort}`);
      case 'apis':
        return apiGroupList(this.served);
      case 'group': {
        const found = apiGroup(this.served, group);
        if (!found) throw new ApiError(pathNotFound());
        return found;
      }
      default: {
        const found = apiResourceList(this.served, group, version);
        if (!found) throw new ApiError(pathNotFound());
        return found;
      }
    }
  }

  /** The object as served at the requested version (Flux CRDs convert with strategy None). */
  private present(
    obj: ClusterObject,
    type: ResourceType,
    version: string,
  ): ClusterObject {
    const { apiVersion, kind, ...rest } = obj;
    return {
      apiVersion: joinApiVersion(type.group, version),
      kind: type.kind,
      ...rest,
    };
  }

  private listResponse(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    params: URLSearchParams,
  ) {
    const labels = parseLabelSelector(params.get('labelSelector'));
    const fields = parseFieldSelector(params.get('fieldSelector'), type);
    const all = this.store
      .list(type, namespace)
      .filter(o => labels(o) && fields(o));
    let start = 0;
    const token = params.get('continue');
    if (token) {
      let parsed: ContinueToken;
      try {
        parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      } catch {
        throw new ApiError(badRequest('continue key is not valid'));
      }
      if (parsed.rv < this.store.oldestRetainedResourceVersion) {
        throw new ApiError(
          failure(
            410,
            'Expired',
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
          ),
        );
      }
      start = parsed.start;
    }
    const limit = Number(params.get('limit') ?? 0);
    const end = limit > 0 ? start + limit : all.length;
    const page = all.slice(start, end);
    const more = end < all.length;
    // Built-in lists carry no apiVersion/kind on items; custom resources do.
    const builtIn = type.group === '' || type.group === 'apps';
    const items = page.map(o => {
      const shown = this.present(o, type, version);
      if (builtIn) {
        delete shown.apiVersion;
        delete shown.kind;
      }
      return shown;
    });
    return {
      apiVersion: joinApiVersion(type.group, version),
      kind: `${type.kind}List`,
      metadata: {
        resourceVersion: String(this.store.resourceVersion),
        ...(more
          ? {
              continue: Buffer.from(
                JSON.stringify({ rv: this.store.resourceVersion, start: end }),
              ).toString('base64url'),
              remainingItemCount: all.length - end,
            }
          : {}),
      },
      items,
    };
  }

  private watch(
    req: IncomingMessage,
    res: ServerResponse,
    type: ResourceType,
    namespace: string | undefined,
    params: URLSearchParams,
    present: (obj: ClusterObject) => ClusterObject,
  ) {
    const labels = parseLabelSelector(params.get('labelSelector'));
    const fields = parseFieldSelector(params.get('fieldSelector'), type);
    const rvText = params.get('resourceVersion');
    const resourceVersion = rvText ? Number(rvText) : 0;
    if (!Number.isInteger(resourceVersion) || resourceVersion < 0) {
      throw new ApiError(badRequest(`invalid resource version: ${rvText}`));
    }
    const timeout = params.get('timeoutSeconds');
    const stream = new WatchStream(
      req,
      res,
      this.store,
      {
        type,
        namespace,
        matches: o => labels(o) && fields(o),
        resourceVersion,
        allowBookmarks: isTrue(params.get('allowWatchBookmarks')),
        bookmarkIntervalMs: this.options.bookmarkIntervalMs ?? 60_000,
        timeoutSeconds: timeout ? Number(timeout) : undefined,
        present,
      },
      s => this.watches.delete(s),
    );
    this.watches.add(stream);
    stream.start();
  }

  private patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    statusOnly: boolean,
  ) {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ApiError(badRequest('a merge patch must be a JSON object'));
    }
    const meta = (patch as ClusterObject).metadata;
    if (meta?.name !== undefined && meta.name !== name) {
      throw new ApiError(
        badRequest(
          `the name of the object (${meta.name}) does not match the name on the URL (${name})`,
        ),
      );
    }
    return this.store.update(type, namespace, name, current => {
      const wanted = meta?.resourceVersion;
      if (
        wanted !== undefined &&
        wanted !== current.metadata?.resourceVersion
      ) {
        throw new ApiError(conflict(type, name));
      }
      const next = applyMergePatch(current, patch) as ClusterObject;
      if (statusOnly) return { ...current, status: next.status };
      // With a status subresource, writes to the main resource leave status alone.
      if (type.hasStatusSubresource) next.status = current.status;
      return next;
    });
  }
}

/** Starts a simulated cluster on loopback. @public */
export async function startClusterSimulator(
  options: ClusterSimulatorOptions = {},
): Promise<ClusterSimulator> {
  const sim = new SimulatorServer(options);
  await sim.listen(options.port ?? 0);
  return sim;
}
