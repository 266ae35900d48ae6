/**
 * Condition types and reasons the Flux controllers write, as named in
 * fluxcd/pkg/apis/meta and the controllers' own APIs. Only those the portal
 * reads or the simulator writes are listed; the portal's own derived reasons
 * (e.g. `GenerationNotObserved`) are not Flux's and live with the status engine.
 */

/** @public */
export const FluxConditionType = {
  /** Every Flux object: the outcome of the last reconciliation. */
  Ready: 'Ready',
  /** A reconciliation is running (reason Progressing) or retrying after a failure (ProgressingWithRetry). */
  Reconciling: 'Reconciling',
  /** The controller gave up until something changes. */
  Stalled: 'Stalled',
  /** kustomize-controller: the last health check result. */
  Healthy: 'Healthy',
  /** helm-controller: the last Helm install or upgrade result. */
  Released: 'Released',
  /** source-controller: an artifact is stored for the source. */
  ArtifactInStorage: 'ArtifactInStorage',
} as const;

/** @public */
export const FluxConditionReason = {
  // fluxcd/pkg/apis/meta, shared by the controllers
  Succeeded: 'Succeeded',
  Progressing: 'Progressing',
  ProgressingWithRetry: 'ProgressingWithRetry',
  DependencyNotReady: 'DependencyNotReady',
  ReconciliationSucceeded: 'ReconciliationSucceeded',
  HealthCheckFailed: 'HealthCheckFailed',
  // kustomize-controller
  BuildFailed: 'BuildFailed',
  // helm-controller
  InstallSucceeded: 'InstallSucceeded',
  InstallFailed: 'InstallFailed',
  UpgradeSucceeded: 'UpgradeSucceeded',
  UpgradeFailed: 'UpgradeFailed',
  RetriesExceeded: 'RetriesExceeded',
  // source-controller
  ChartPullSucceeded: 'ChartPullSucceeded',
  NewArtifact: 'NewArtifact',
} as const;
