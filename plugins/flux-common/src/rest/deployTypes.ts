import type { FluxClusterError, FluxObjectRef } from './types';

/**
 * A deploy: a Helm release of a HelmRelease, or a Kustomization apply that
 * changed objects (see the status module's deploys rules).
 * @public
 */
export interface FluxDeploy {
  /** The HelmRelease or Kustomization that deployed. */
  object: FluxObjectRef;
  /** ISO 8601. */
  at: string;
  /** `podinfo@6.5.4 (deployed)`, or the first changed object and how many more. */
  what: string;
  /** False for a failed or pending release. */
  ok: boolean;
}

/** GET /deploys?limit=N: the newest deploys of every cluster, newest first. @public */
export interface FluxDeployList {
  items: FluxDeploy[];
  errors: FluxClusterError[];
}
