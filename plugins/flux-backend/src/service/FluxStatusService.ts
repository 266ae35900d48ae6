/**
 * The backend's read side: entity status, object lists, runtime and entity
 * states, computed from the cluster caches on each call (no cluster request
 * is ever made for a viewer).
 */
import { Entity } from '@backstage/catalog-model';
import {
  EntityFluxStatus,
  FluxObjectList,
  FluxRuntime,
} from '@flux-portal/plugin-flux-common';
import { FluxClusters } from '../clusters/FluxClusters';
import { buildEntityStatus } from '../status/buildEntityStatus';
import { buildRuntime } from '../status/buildRuntime';
import { listObjects, ObjectFilter } from '../status/listObjects';

export interface FluxStatusServiceOptions {
  clusters: FluxClusters;
  staleAfterIntervals?: number;
  eventsPerObject?: number;
}

export class FluxStatusService {
  constructor(private readonly options: FluxStatusServiceOptions) {}

  private summaryOptions() {
    return {
      now: Date.now(),
      staleAfterIntervals: this.options.staleAfterIntervals,
      eventsPerObject: this.options.eventsPerObject ?? 20,
    };
  }

  entityStatus(entity: Entity, details = true): EntityFluxStatus {
    return buildEntityStatus(entity, this.options.clusters.snapshots(), {
      ...this.summaryOptions(),
      details,
    });
  }

  objects(filter: ObjectFilter): FluxObjectList {
    return listObjects(
      this.options.clusters.snapshots(),
      filter,
      this.summaryOptions(),
    );
  }

  runtime(): FluxRuntime {
    return buildRuntime(
      this.options.clusters.snapshots(),
      this.summaryOptions(),
    );
  }
}
