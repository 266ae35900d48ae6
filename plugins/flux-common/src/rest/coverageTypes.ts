/**
 * The parts of an entity's status beyond its appliers: source signature
 * verification, image automation, notification coverage and "is my merge
 * deployed". Each list is absent when the cluster does not serve its kinds
 * (no image-reflector or notification-controller), empty when it serves
 * them and nothing concerns the entity.
 */
import type {
  ImageComparison,
  MergeDeployedState,
  SourceVerification,
} from '../entityCoverage';
import type { FluxState } from '../status';

/** A namespaced object of a known kind. @public */
export interface FluxObjectName {
  kind: string;
  namespace: string;
  name: string;
}

/** @public */
export type FluxSourceVerification = SourceVerification;

/** One container of the entity's workloads running an image of the policy's repository. @public */
export interface FluxDeployedImage {
  workload: FluxObjectName;
  container: string;
  image: string;
  /** Against the policy's latest image. */
  comparison: ImageComparison;
}

/** An ImageUpdateAutomation that writes the policy's updates to Git. @public */
export interface FluxImageAutomationSummary {
  namespace: string;
  name: string;
  state: FluxState;
  message: string;
  suspended: boolean;
  /** ISO 8601 */
  lastAutomationRunTime?: string;
  lastPushCommit?: string;
  /** ISO 8601 */
  lastPushTime?: string;
}

/** An ImagePolicy for an image the entity runs: its latest image vs the deployed ones. @public */
export interface FluxImageUpdate {
  policy: { namespace: string; name: string };
  state: FluxState;
  message: string;
  /** The ImageRepository the policy reads, with its spec.image. */
  repository?: { namespace: string; name: string; image?: string };
  /** What the policy selects as latest (undefined before it selected one). */
  latestImage?: string;
  deployed: FluxDeployedImage[];
  /** Worst over the deployed images: outdated when any differs. */
  comparison: ImageComparison;
  /** ImageUpdateAutomations in the policy's namespace whose policySelector takes it. */
  automations: FluxImageAutomationSummary[];
}

/** A notification Provider, without its address or secret. @public */
export interface FluxProviderSummary {
  namespace: string;
  name: string;
  /** slack, msteams, github, generic, … */
  type?: string;
  channel?: string;
  suspended: boolean;
  /** The Alert names a Provider that does not exist. */
  missing?: boolean;
}

/** An Alert whose eventSources cover some of the entity's Flux objects. @public */
export interface FluxAlertCoverage {
  namespace: string;
  name: string;
  suspended: boolean;
  /** info (every event) or error (errors only). */
  eventSeverity: string;
  provider: FluxProviderSummary;
  /** The entity's objects whose events reach the provider. */
  covers: FluxObjectName[];
}

/** A Receiver whose webhook reconciles some of the entity's Flux objects (its URL is never returned). @public */
export interface FluxReceiverCoverage {
  namespace: string;
  name: string;
  type?: string;
  events: string[];
  state: FluxState;
  message: string;
  suspended: boolean;
  triggers: FluxObjectName[];
}

/** Whether the commit the catalog read is applied by one Kustomization. @public */
export interface FluxMergeDeployedObject extends FluxObjectName {
  state: MergeDeployedState;
  reason: string;
  appliedRevision?: string;
}

/** "Is my merge deployed" in one cluster. @public */
export interface FluxMergeDeployed {
  /** Rolled up over the Kustomizations: not-yet, then unknown, then deployed. */
  state: MergeDeployedState;
  /** The commit the entity's current content was first read at, when recorded. */
  catalogCommit?: string;
  /** When the catalog read it (ISO 8601 UTC), when recorded. */
  catalogReadAt?: string;
  objects: FluxMergeDeployedObject[];
}

/** Coverage of one entity in one cluster. @public */
export interface FluxEntityCoverage {
  images?: FluxImageUpdate[];
  alerts?: FluxAlertCoverage[];
  receivers?: FluxReceiverCoverage[];
  merge?: FluxMergeDeployed;
}
