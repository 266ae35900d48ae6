import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntityFluxStatus,
  FluxAction,
  FluxActionImpact,
  FluxActionRequest,
  FluxActionResult,
  FluxDeployList,
  FluxEntityStates,
  FluxObjectList,
  FluxObjectRef,
  FluxRuntime,
  FluxState,
} from '@flux-portal/plugin-flux-common';

/** Filters of the cluster-wide object list (GET /objects). @public */
export interface FluxObjectQuery {
  cluster?: string;
  namespace?: string;
  kind?: string;
  state?: FluxState;
  /** Free-text search over names, namespaces and messages. */
  q?: string;
}

/** An entity reference in the shape the REST paths need. @public */
export interface FluxEntityRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** Callbacks of a live subscription. @public */
export interface FluxStreamHandlers<T> {
  /** Every event payload, in order. */
  onData(data: T): void;
  /** Connection state changes, for a "live"/"reconnecting" hint. */
  onConnection?(state: 'open' | 'reconnecting'): void;
}

/** A live subscription; call to stop it. @public */
export type FluxUnsubscribe = () => void;

/** What the Flux frontend needs from the `/api/flux` backend. @public */
export interface FluxApi {
  getEntityStatus(
    entity: FluxEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EntityFluxStatus>;
  runAction(
    entity: FluxEntityRef,
    action: FluxAction,
    request: FluxActionRequest,
  ): Promise<FluxActionResult>;
  /** What an action would touch (entities, owners, refusals), for its confirmation. */
  getActionImpact(
    entity: FluxEntityRef,
    action: FluxAction,
    request: FluxActionRequest,
  ): Promise<FluxActionImpact>;
  getRuntime(): Promise<FluxRuntime>;
  /** The newest deploys of every cluster (Helm releases, applies that changed objects), newest first. */
  listDeploys(limit?: number): Promise<FluxDeployList>;
  listObjects(query?: FluxObjectQuery): Promise<FluxObjectList>;
  getEntityStates(entityRefs: string[]): Promise<FluxEntityStates>;
  /** `status` events of one entity (the first arrives at connection). */
  streamEntityStatus(
    entityRef: string,
    handlers: FluxStreamHandlers<EntityFluxStatus>,
  ): FluxUnsubscribe;
  /** `change` events: batches of changed Flux objects, cluster-wide. */
  streamChanges(handlers: FluxStreamHandlers<FluxObjectRef[]>): FluxUnsubscribe;
}

/** @public */
export const fluxApiRef = createApiRef<FluxApi>().with({
  id: 'plugin.flux.api',
  pluginId: 'flux',
});
