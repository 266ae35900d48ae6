/**
 * What the seeding steps share: the PRNG (every step draws from the same
 * sequence, in a fixed order, so a seed always gives the same cluster), the
 * moment statuses are relative to, and what earlier steps found or made.
 */
import { NamespacedName } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { EventRecorder } from './eventRecorder';
import { Rng } from './rng';
import { Revisions } from './types';

export class SeedContext {
  /** Objects the seeding makes (sources, HelmCharts, Deployments, Pods, Namespaces), served after the input's. */
  readonly extra: ClusterObject[] = [];
  readonly events: EventRecorder;
  /** Flux sources by `kind/namespace/name`, from the input or made up. */
  readonly sources = new Map<string, ClusterObject>();
  /** Deployments in the input, candidates for a failing health check. */
  inputDeployments: ClusterObject[] = [];
  /** The workload whose health check fails, per failed Kustomization id. */
  readonly unhealthy = new Map<string, NamespacedName>();
  /** The engine's message per Kustomization id whose render fails. */
  renderFailures = new Map<string, string>();
  /** Revisions per source id (or applier id without a source), shared by its appliers. */
  readonly revisions = new Map<string, Revisions>();

  constructor(readonly rng: Rng, readonly now: Date) {
    this.events = new EventRecorder(rng);
  }

  /** The monorepo's commit, when known (SeedOptions.commit). */
  commit?: string;

  sha1Revision(branch: string) {
    return `${branch}@sha1:${this.rng.hex(40)}`;
  }
}
