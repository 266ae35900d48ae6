/**
 * The backend's read side: entity status, object lists, runtime and entity
 * states, computed from the cluster caches (no cluster request is ever made
 * for a viewer); entity statuses are reused until what they read changes.
 */
import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityFluxStatus,
  FluxDeployList,
  FluxObjectList,
  FluxRuntime,
} from '@flux-portal/plugin-flux-common';
import { FluxClusters } from '../clusters/FluxClusters';
import { buildEntityStatus } from '../status/buildEntityStatus';
import { buildRuntime } from '../status/buildRuntime';
import { listObjects, ObjectFilter } from '../status/listObjects';
import { listDeploys } from '../status/listDeploys';
import {
  ReadDependency,
  readsAreCurrent,
  TrackingSnapshot,
} from '../status/TrackingSnapshot';

/** Results are reused at most this long: Stale and Timeout depend on the clock. */
const MAX_REUSE_MS = 5000;

interface CachedStatus {
  entity: Entity;
  computedAt: number;
  reads: ReadDependency[];
  status: EntityFluxStatus;
  body?: EncodedStatus;
}

/** A status as HTTP bodies, encoded once per computation and served to every viewer. */
export interface EncodedStatus {
  json: string;
  /** A strong validator of the JSON (viewers polling get 304s). */
  etag: string;
}

function encode(status: EntityFluxStatus): EncodedStatus {
  const json = JSON.stringify(status);
  return {
    json,
    etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
  };
}

export interface FluxStatusServiceOptions {
  clusters: FluxClusters;
  /** flux.staleAfterIntervals and flux.eventsPerObject (see readFluxConfig). */
  staleAfterIntervals: number;
  eventsPerObject: number;
}

export class FluxStatusService {
  private readonly cache = new Map<string, CachedStatus>();

  constructor(private readonly options: FluxStatusServiceOptions) {}

  private readonly displayOf = (cluster: string) =>
    this.options.clusters.displayOf(cluster);

  /**
   * An entity's status, reused while none of the cluster objects it was
   * built from changed: many viewers of one entity cost one computation.
   */
  private cachedStatus(entity: Entity, details: boolean): CachedStatus {
    const key = `${stringifyEntityRef(entity)}${details ? '' : '#summary'}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (
      hit &&
      hit.entity === entity &&
      now - hit.computedAt < MAX_REUSE_MS &&
      readsAreCurrent(hit.reads)
    ) {
      return hit;
    }
    const reads: ReadDependency[] = [];
    const snapshots = new Map<string, TrackingSnapshot>();
    for (const [name, watcher] of this.options.clusters.snapshots()) {
      snapshots.set(name, new TrackingSnapshot(watcher, reads));
    }
    const status = buildEntityStatus(entity, snapshots, {
      ...this.summaryOptions(),
      details,
      displayOf: this.displayOf,
    });
    const entry: CachedStatus = { entity, computedAt: now, reads, status };
    if (this.cache.size >= 20000) this.cache.clear();
    this.cache.set(key, entry);
    return entry;
  }

  /** The status as HTTP bodies, encoded once per computation. */
  entityStatusBody(entity: Entity): EncodedStatus {
    const entry = this.cachedStatus(entity, true);
    entry.body ??= encode(entry.status);
    return entry.body;
  }

  private summaryOptions() {
    return {
      now: Date.now(),
      staleAfterIntervals: this.options.staleAfterIntervals,
      eventsPerObject: this.options.eventsPerObject,
    };
  }

  entityStatus(entity: Entity, details = true): EntityFluxStatus {
    return this.cachedStatus(entity, details).status;
  }

  objects(filter: ObjectFilter): FluxObjectList {
    return listObjects(
      this.options.clusters.snapshots(),
      filter,
      this.summaryOptions(),
    );
  }

  deploys(limit: number): FluxDeployList {
    return listDeploys(this.options.clusters.snapshots(), limit);
  }

  runtime(): FluxRuntime {
    return buildRuntime(this.options.clusters.snapshots(), {
      ...this.summaryOptions(),
      displayOf: this.displayOf,
    });
  }
}
