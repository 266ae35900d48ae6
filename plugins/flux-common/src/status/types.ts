/**
 * Shapes of Flux status objects as read from a cluster. Everything is
 * optional: objects come from API servers of many Flux versions, and the
 * status engine must never throw on a partial one.
 */

/** A Kubernetes/Flux condition. @public */
export interface FluxCondition {
  type?: string;
  status?: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** One entry of a HelmRelease v2 `status.history`. @public */
export interface HelmReleaseSnapshot {
  name?: string;
  namespace?: string;
  version?: number;
  status?: string;
  chartName?: string;
  chartVersion?: string;
  appVersion?: string;
  firstDeployed?: string;
  lastDeployed?: string;
  digest?: string;
  configDigest?: string;
  ociDigest?: string;
}

/** The status fields of Kustomizations, HelmReleases and sources the engine reads. @public */
export interface FluxObjectStatus {
  observedGeneration?: number;
  conditions?: FluxCondition[];
  lastHandledReconcileAt?: string;
  /** Kustomization; HelmRelease v2beta1 (chart version) */
  lastAppliedRevision?: string;
  lastAttemptedRevision?: string;
  /** HelmRelease v2 */
  history?: HelmReleaseSnapshot[];
  /** sources */
  artifact?: { revision?: string; digest?: string; lastUpdateTime?: string };
}

/** Any Flux object with a status, as served by the API server. @public */
export interface FluxObjectWithStatus {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    generation?: number;
    annotations?: Record<string, string>;
  };
  spec?: {
    suspend?: boolean;
    interval?: string;
    type?: string;
    [key: string]: unknown;
  };
  status?: FluxObjectStatus;
}

/**
 * The portal's state of a Flux object, kstatus-compatible: Ready is
 * kstatus Current, Progressing is InProgress, Failed is Failed; Suspended,
 * Waiting and Stale refine them the way Flux users talk about objects.
 * @public
 */
export type FluxState =
  | 'Ready'
  | 'Progressing'
  | 'Failed'
  | 'Suspended'
  | 'Waiting'
  | 'Stale'
  | 'Unknown';

/** What deriveStatus tells about one object. @public */
export interface DerivedStatus {
  state: FluxState;
  /** Machine reason: the Flux condition reason, or the engine's own ('Suspended', 'GenerationNotObserved', 'NoReconcileWithinIntervals', 'NoStatus'). */
  reason: string;
  /** Human message, from the controller where it gave one. */
  message: string;
  /** True when status.observedGeneration has caught up with metadata.generation (or either is absent). */
  observedGenerationCurrent: boolean;
  generation?: number;
  observedGeneration?: number;
  suspended: boolean;
  /** Failed but the controller keeps retrying (Reconciling=True, ProgressingWithRetry). */
  retrying: boolean;
  /** The latest moment the status shows the controller acting on the object (ISO 8601). */
  lastReconcileAt?: string;
  /** Kustomization lastAppliedRevision, HelmRelease deployed chart version. */
  appliedRevision?: string;
  /** The revision the controller last tried. */
  attemptedRevision?: string;
  /** A source's own artifact revision; for an applier, its source's (when `options.source` is given). */
  sourceRevision?: string;
  /** The applier has not applied its source's artifact (see detectRevisionDrift); false when unknown. */
  drift: boolean;
  /** spec.interval in milliseconds, when it parses. */
  intervalMs?: number;
}

/** Options of deriveStatus. @public */
export interface DeriveStatusOptions {
  /** The current time (default: new Date()). */
  now?: Date | number | string;
  /**
   * A Ready object whose last visible reconciliation is older than this many
   * spec.intervals is Stale (default 3). 0 or Infinity turns Stale off.
   */
  staleAfterIntervals?: number;
  /**
   * Kinds whose status shows every reconciliation, so that silence means
   * staleness (default ['Kustomization']: kustomize-controller turns Ready
   * to Unknown and back on every run; helm-controller and source-controller
   * only touch the status when something changes, so a quiet HelmRelease or
   * source would look stale while healthy).
   */
  staleKinds?: readonly string[];
  /**
   * The applier's source (GitRepository/OCIRepository/Bucket of a
   * Kustomization, HelmChart/OCIRepository of a HelmRelease), for
   * sourceRevision and drift.
   */
  source?: FluxObjectWithStatus;
}

/** Revision drift between an applier and its source. @public */
export interface RevisionDrift {
  /** True when both revisions are known and differ. */
  drift: boolean;
  /** Whether both revisions were known, so drift is meaningful. */
  comparable: boolean;
  appliedRevision?: string;
  sourceRevision?: string;
}
