/**
 * The simulated cluster's programmatic interface: how it is started and what
 * a test or the demo can do with a running one.
 */
import { ClusterObject } from './clusterObject';
import { ReconcileDelays } from './controllers';
import { FaultControls, FaultState } from './faults';
import { ServedVersions } from './resources';

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
