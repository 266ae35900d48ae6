import type { KubernetesObject } from '@kubernetes/client-node';
import type { FluxClusterError } from '@flux-portal/plugin-flux-common';

/** Read access to one cluster's cached objects (the status code is pure over it). */
export interface ClusterObjects {
  readonly cluster: string;
  get(
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined;
  list(kind: string): Iterable<KubernetesObject>;
  /** Events whose involvedObject is the given object, any order. */
  eventsFor(
    kind: string,
    namespace: string,
    name: string,
  ): readonly KubernetesObject[];
}

/** A cluster as the status code sees it: its objects and whether they can be trusted. */
export interface ClusterSnapshot {
  view: ClusterObjects;
  synced: boolean;
  errors(kinds?: readonly string[]): FluxClusterError[];
  /** The API version the cluster serves a watched kind at; undefined when it does not (or before discovery). */
  versionOf?(kind: string): string | undefined;
}

export interface SummaryOptions {
  now: number;
  staleAfterIntervals?: number;
  eventsPerObject: number;
  /** Include inventory, history and events (the entity view), not in lists. */
  details: boolean;
  /**
   * Include the inventory even without details: an entity's state is judged
   * by its share of a shared Kustomization's inventory, so the catalog's
   * batched states must read it as the tab does.
   */
  inventory?: boolean;
  /** Keep only inventory entries in these namespaces (an entity's share of a shared Kustomization). */
  inventoryNamespaces?: ReadonlySet<string>;
}
