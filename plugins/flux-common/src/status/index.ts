/**
 * The Flux status engine: kstatus-compatible states of Kustomizations,
 * HelmReleases and sources, revision drift and worst-first roll-ups.
 * Pure and isomorphic (runs in the backend and the browser).
 */
export type {
  DerivedStatus,
  DeriveStatusOptions,
  FluxCondition,
  FluxObjectStatus,
  FluxObjectWithStatus,
  FluxState,
  HelmReleaseSnapshot,
  RevisionDrift,
} from './types';
export { deriveStatus } from './deriveStatus';
export { detectRevisionDrift } from './drift';
export {
  appliedRevisionOf,
  artifactRevisionOf,
  parseRevision,
  revisionsEqual,
} from './revision';
export type { ParsedRevision } from './revision';
export { parseGoDuration } from './duration';
export { findCondition } from './conditions';
export {
  compareStates,
  countStates,
  rollUpStates,
  STATE_SEVERITY,
} from './rollUp';
export { entityStateOf, sharedDeployerContext } from './entityState';
export type {
  EntityStateDecision,
  EntityStateInput,
  EntityStateRule,
  SharedDeployer,
} from './entityState';
export { changeSetOf, describeRelease, releaseSucceeded } from './deploys';
