/** What seeding takes and gives, and the shapes its steps pass between them. */
import { KubeCondition } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';

/** @public */
export type SeededState =
  | 'Ready'
  | 'Failed'
  | 'Suspended'
  | 'Waiting'
  | 'Progressing';

/** @public */
export interface SeedOptions {
  /** PRNG seed (default 1). */
  seed?: number | string;
  /** The moment statuses are relative to (default: now). */
  now?: Date;
  /** Share of Kustomizations/HelmReleases made Failed (default 0.08, at least one). */
  failedShare?: number;
  /**
   * Kustomizations whose render the engine reports failing, with the
   * engine's message: they fail their build, and stay failed however often
   * they are reconciled (only a change to the tree could fix them). Random
   * failures are runtime ones only (health checks, Helm installs), which a
   * reconcile may cure.
   */
  renderFailures?: RenderFailure[];
  /**
   * The Git commit the monorepo is at: branch-tracking GitRepositories
   * fetched it (their artifact is `<branch>@sha1:<commit>`), so what is
   * Ready applied it and what failed still runs an older one.
   */
  commit?: string;
  /**
   * Also seed what image-reflector, image-automation and
   * notification-controller would hold (seedCoverage): an ImageRepository
   * and ImagePolicy for two app images (one up to date, one behind), an
   * ImageUpdateAutomation, Providers, Alerts and a GitHub Receiver.
   * Drawn after everything else, so other objects are the same either way.
   */
  coverage?: boolean;
}

/** @public */
export interface RenderFailure {
  namespace: string;
  name: string;
  message: string;
}

/** @public */
export interface SeededObjectState {
  kind: string;
  namespace: string;
  name: string;
  state: SeededState;
  reason: string;
}

/** @public */
export interface SeedResult {
  /** The input objects with statuses, followed by generated ones (HelmCharts, sources, Deployments, Pods, Namespaces, Events). */
  objects: ClusterObject[];
  /** What each Kustomization/HelmRelease was made, for tests and demos. */
  states: SeededObjectState[];
}

/** The state chosen for one applier; `dependency` (`namespace/name`) names what a Waiting one waits for. */
export interface AssignedState {
  state: SeededState;
  reason: string;
  dependency?: string;
}

/** How a Failed applier fails. */
export type Failure = 'build' | 'health' | 'helm-install' | 'helm-upgrade';

/** The source's current revision, and a previous one for drift on objects that have not applied it. */
export interface Revisions {
  current: string;
  previous: string;
}

/** A failed applier's status as its failure writer fills it. */
export interface FailedStatus {
  observedGeneration: number;
  conditions: KubeCondition[];
  [field: string]: any;
}

/** The generation and times a failure is reported at: failing `since`, `last` retried. */
export interface FailureTimes {
  gen: number;
  since: string;
  last: string;
}
