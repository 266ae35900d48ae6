/**
 * The simulated cluster: a node:http server on loopback implementing the part
 * of the Kubernetes API a Flux status backend uses (discovery, list, get,
 * watch, merge-patch, bearer-token auth, Status errors), backed by the
 * in-memory store, the simulated controllers and the fault controls. This
 * file is its lifecycle and programmatic API; handleRequest serves requests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { cloneJson } from './clone';
import { ClusterObject } from './clusterObject';
import {
  ClusterSimulator,
  ClusterSimulatorOptions,
  SimulatorState,
} from './clusterSimulatorApi';
import { SimulatedControllers } from './controllers';
import { Faults } from './faults';
import { handleRequest, RequestContext } from './handleRequest';
import { sendError } from './http/responses';
import {
  DEFAULT_SERVED_VERSIONS,
  ResourceType,
  ServedVersions,
} from './resources';
import { ObjectStore, typeOfObject } from './store';
import { WatchStream } from './watchStream';

const DEFAULT_USER = 'system:serviceaccount:flux-portal:flux-portal-reader';

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
    const context = this.requestContext();
    this.server = createServer((req, res) => {
      handleRequest(context, req, res).catch(error => sendError(res, error));
    });
    this.server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private requestContext(): RequestContext {
    return {
      sim: this,
      store: this.store,
      served: this.served,
      faults: this.faults,
      token: this.token,
      watches: this.watches,
      bookmarkIntervalMs: this.options.bookmarkIntervalMs ?? 60_000,
      user: this.options.user ?? DEFAULT_USER,
      serverAddress: () => `127.0.0.1:${this.boundPort}`,
      countRequest: () => {
        this.requests++;
      },
    };
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
}

/** Starts a simulated cluster on loopback. @public */
export async function startClusterSimulator(
  options: ClusterSimulatorOptions = {},
): Promise<ClusterSimulator> {
  const sim = new SimulatorServer(options);
  await sim.listen(options.port ?? 0);
  return sim;
}
