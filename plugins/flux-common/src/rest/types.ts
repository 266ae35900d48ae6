/**
 * The REST contract of the Flux status backend (`/api/flux`), shared by the
 * backend and the frontend so both compile against the same shapes.
 * Nothing here ever carries Secret data or HelmRelease values.
 */
import type {
  EntityStateRule,
  FluxState,
  HelmReleaseSnapshot,
} from '../status';
import type {
  FluxEntityCoverage,
  FluxSourceVerification,
} from './coverageTypes';

/** A Flux (or inventory) object in one cluster. @public */
export interface FluxObjectRef {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Where an applier takes its artifact from. @public */
export interface FluxSourceSummary {
  kind: string;
  namespace: string;
  name: string;
  /** spec.url of the source (GitRepository, OCIRepository, HelmRepository), credentials stripped. */
  url?: string;
  /** The source's own state. */
  state?: FluxState;
  revision?: string;
  /** Signature verification of the artifact's source (OCIRepository, HelmChart, GitRepository). */
  verification?: FluxSourceVerification;
}

/** One `dependsOn` of a Kustomization or HelmRelease, with the dependency's state. @public */
export interface FluxDependencySummary {
  kind: string;
  namespace: string;
  name: string;
  /** 'Missing' when the dependency does not exist in the cluster. */
  state: FluxState | 'Missing';
  message?: string;
}

/** One object of a Kustomization's inventory (or a HelmRelease's workloads). @public */
export interface FluxInventoryEntry {
  kind: string;
  group: string;
  namespace: string;
  name: string;
  /** Workload readiness (Deployment/StatefulSet/DaemonSet); undefined for other kinds or when unknown. */
  ready?: boolean;
  /** e.g. "2/3 ready" */
  readyMessage?: string;
}

/** A Kubernetes Event about a Flux object. @public */
export interface FluxEventSummary {
  type: 'Normal' | 'Warning' | string;
  reason: string;
  message: string;
  /** ISO 8601, the latest occurrence. */
  timestamp: string;
  count: number;
  object: FluxObjectRef;
}

/** A Flux object with its derived state, as the API returns it. @public */
export interface FluxObjectSummary extends FluxObjectRef {
  apiVersion: string;
  state: FluxState;
  reason: string;
  message: string;
  suspended: boolean;
  /** Failed but the controller retries. */
  retrying: boolean;
  drift: boolean;
  appliedRevision?: string;
  attemptedRevision?: string;
  sourceRevision?: string;
  /** spec.interval as written, e.g. "10m". */
  interval?: string;
  /** ISO 8601 of the last visible reconciliation. */
  lastReconcileAt?: string;
  /** `reconcile.fluxcd.io/requestedAt` annotation value. */
  requestedAt?: string;
  /** status.lastHandledReconcileAt: equal to requestedAt once handled. */
  lastHandledReconcileAt?: string;
  source?: FluxSourceSummary;
  dependsOn: FluxDependencySummary[];
  /** HelmRelease release history, newest first (no values). */
  history?: HelmReleaseSnapshot[];
  inventory?: FluxInventoryEntry[];
  events?: FluxEventSummary[];
  /** A source's own signature verification (OCIRepository, HelmChart, GitRepository). */
  verification?: FluxSourceVerification;
}

/** Why a cluster could not (fully) answer. @public */
export interface FluxClusterError {
  cluster: string;
  /** Unreachable | Forbidden | Timeout | Syncing | Error */
  reason: string;
  message: string;
  /** The kinds affected, when only some failed (e.g. a 403 for one kind). */
  kinds?: string[];
}

/**
 * How a cluster is shown, from the backend's config: a title (the cluster's
 * name when absent) and labels such as `environment: production`.
 * @public
 */
export interface FluxClusterDisplay {
  title?: string;
  labels?: Record<string, string>;
}

/** An entity's Flux objects in one cluster. @public */
export interface FluxClusterEntityStatus extends FluxClusterDisplay {
  cluster: string;
  /**
   * The entity's state, from its own objects first (entityStateOf's table);
   * Unknown when none could be read.
   */
  state: FluxState;
  /** Which rule of entityStateOf decided the state. */
  rule?: EntityStateRule;
  /** A shared deployer's state shown beside the entity's own, e.g. "deployed by flux-system/apps, shared by 34 entities: Failed". */
  context?: string;
  objects: FluxObjectSummary[];
  errors: FluxClusterError[];
  /** Image updates, Alerts and Receivers, and whether the catalog's commit is applied. */
  coverage?: FluxEntityCoverage;
}

/** GET /entities/:kind/:namespace/:name/status @public */
export interface EntityFluxStatus {
  entityRef: string;
  /** Worst state over all clusters. */
  state: FluxState;
  clusters: FluxClusterEntityStatus[];
  /** ISO 8601 */
  generatedAt: string;
}

/** A Flux controller Deployment's health. @public */
export interface FluxControllerHealth {
  name: string;
  namespace: string;
  ready: boolean;
  replicas: number;
  readyReplicas: number;
  /** Image tag, e.g. v1.4.0. */
  version?: string;
}

/** One cluster of GET /runtime. @public */
export interface FluxClusterRuntime extends FluxClusterDisplay {
  cluster: string;
  /** True once the cache has listed every kind at least once. */
  synced: boolean;
  controllers: FluxControllerHealth[];
  /** kind → state → count */
  counts: Record<string, Partial<Record<FluxState, number>>>;
  /** API versions in use per kind, as discovered. */
  versions: Record<string, string>;
  errors: FluxClusterError[];
}

/** GET /runtime @public */
export interface FluxRuntime {
  clusters: FluxClusterRuntime[];
  generatedAt: string;
}

/** GET /objects?cluster=&namespace=&kind=&state=&q= (every Flux object, failing first) @public */
export interface FluxObjectList {
  items: FluxObjectSummary[];
  errors: FluxClusterError[];
}

/** `POST /entity-states` with body `{entityRefs}`: the rolled-up state per entity ref (absent: not mapped). @public */
export interface FluxEntityStates {
  states: Record<string, FluxState>;
}

/** POST /entities/:kind/:namespace/:name/actions/:action body. @public */
export interface FluxActionRequest {
  cluster: string;
  kind: 'Kustomization' | 'HelmRelease' | string;
  namespace: string;
  name: string;
  /** reconcile only: reconcile the source first, as `flux reconcile --with-source`. */
  withSource?: boolean;
}

/** @public */
export type FluxAction = 'reconcile' | 'suspend' | 'resume';

/**
 * POST /entities/:kind/:namespace/:name/actions/:action/impact (body: a
 * FluxActionRequest): what an action would touch, asked before it is taken
 * so the confirmation can name it. A Kustomization touches every entity the
 * catalog says it deploys in that cluster; any other object only the entity.
 * @public
 */
export interface FluxActionImpact {
  action: FluxAction;
  object: FluxObjectRef;
  /** How many catalog entities the object deploys (at least the entity asked for). */
  entities: number;
  /** Their distinct owners (entity refs as written in spec.owner). */
  owners: string[];
  /** How many of those entities the caller lacks the action's permission on: the action is refused unless 0. */
  denied: number;
  /** Up to five of the entities the caller lacks it on. */
  deniedExamples: string[];
}

/** The answer to an action. @public */
export interface FluxActionResult {
  action: FluxAction;
  object: FluxObjectRef;
  /** The requestedAt value written; poll/stream until lastHandledReconcileAt equals it. */
  requestedAt?: string;
}

/**
 * Server-sent events of GET /stream?entityRef=REF: `status` events carry an
 * EntityFluxStatus whenever it changes (and once at start). Without
 * entityRef, `change` events carry FluxObjectRef[] of changed Flux objects
 * (batched). `ping` keeps proxies from closing the stream.
 * @public
 */
export type FluxStreamEventName = 'status' | 'change' | 'ping';
