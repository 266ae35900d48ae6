/**
 * A cluster snapshot that records what a computation read, with each key's
 * change count at the time, so its result can be reused until one of them
 * changes (see ClusterWatcher.changeCountOf).
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { FluxClusterError } from '@flux-portal/plugin-flux-common';
import { ClusterWatcher } from '../clusters/ClusterWatcher';
import { changeKeys } from '../clusters/ChangeCounts';
import { ClusterObjects, ClusterSnapshot } from './types';

export interface ReadDependency {
  watcher: ClusterWatcher;
  key: string;
  count: number;
}

export class TrackingSnapshot implements ClusterSnapshot, ClusterObjects {
  constructor(
    private readonly watcher: ClusterWatcher,
    private readonly reads: ReadDependency[],
  ) {}

  private track(key: string) {
    this.reads.push({
      watcher: this.watcher,
      key,
      count: this.watcher.changeCountOf(key),
    });
  }

  get cluster() {
    return this.watcher.name;
  }
  get view(): ClusterObjects {
    return this;
  }
  get synced() {
    this.track(changeKeys.health);
    return this.watcher.synced;
  }
  errors(kinds?: readonly string[]): FluxClusterError[] {
    this.track(changeKeys.health);
    return this.watcher.errors(kinds);
  }
  versionOf(kind: string): string | undefined {
    this.track(changeKeys.health);
    return this.watcher.versionOf(kind);
  }
  get(
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined {
    this.track(changeKeys.object({ kind, namespace, name }));
    return this.watcher.get(kind, namespace, name);
  }
  list(kind: string): Iterable<KubernetesObject> {
    this.track(changeKeys.list(kind));
    return this.watcher.list(kind);
  }
  eventsFor(
    kind: string,
    namespace: string,
    name: string,
  ): readonly KubernetesObject[] {
    this.track(changeKeys.events({ kind, namespace, name }));
    return this.watcher.eventsFor(kind, namespace, name);
  }
}

/** True while nothing a computation read has changed since. */
export function readsAreCurrent(reads: readonly ReadDependency[]): boolean {
  return reads.every(r => r.watcher.changeCountOf(r.key) === r.count);
}
