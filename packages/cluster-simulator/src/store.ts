/**
 * The simulated etcd + watch cache: objects by resource type, one global
 * monotonically increasing resourceVersion, and a bounded history of change
 * events that watches replay from. Events older than the retained window are
 * gone, so a watch from such a resourceVersion gets 410 Expired, as from a
 * real apiserver.
 */
import { ApiError, badRequest, notFound } from './apiStatus';
import { cloneJson, jsonEqual } from './clone';
import { splitApiVersion } from '@flux-portal/plugin-flux-common';
import { findTypeByKind, ResourceType, typeKey } from './resources';
import { kubeTime } from './time';
import { ClusterObject } from './clusterObject';

/** @public */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** @public */
export interface StoreEvent {
  resourceVersion: number;
  type: ResourceType;
  eventType: WatchEventType;
  object: ClusterObject;
  /** The object before a MODIFIED, so selector-filtered watches can turn it into ADDED/DELETED. */
  previous?: ClusterObject;
}

export interface ObjectStoreOptions {
  historyLimit: number;
  now: () => Date;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function specOf(obj: ClusterObject): unknown {
  // Everything but metadata and status counts as "spec" for generation bumps.
  const { metadata, status, ...rest } = obj;
  return rest;
}

export function typeOfObject(obj: ClusterObject): ResourceType {
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    throw new ApiError(badRequest('object has no apiVersion or kind'));
  }
  const { group } = splitApiVersion(obj.apiVersion);
  const type = findTypeByKind(group, obj.kind);
  if (!type) {
    throw new ApiError(
      badRequest(
        `no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`,
      ),
    );
  }
  return type;
}

export class ObjectStore {
  private rv = 0;
  private readonly objects = new Map<string, Map<string, ClusterObject>>();
  private history: StoreEvent[] = [];
  private compactedThrough = 0;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private uidCounter = 0;

  constructor(private readonly options: ObjectStoreOptions) {}

  /** The latest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.rv;
  }

  /** Events with a resourceVersion at or below this are no longer retained. */
  get oldestRetainedResourceVersion(): number {
    return this.compactedThrough;
  }

  private bucket(type: ResourceType): Map<string, ClusterObject> {
    let bucket = this.objects.get(typeKey(type));
    if (!bucket) {
      bucket = new Map();
      this.objects.set(typeKey(type), bucket);
    }
    return bucket;
  }

  list(type: ResourceType, namespace?: string): ClusterObject[] {
    const items = [...this.bucket(type).values()].filter(
      o => !namespace || o.metadata?.namespace === namespace,
    );
    items.sort((a, b) =>
      objectKey(a.metadata?.namespace, a.metadata!.name!).localeCompare(
        objectKey(b.metadata?.namespace, b.metadata!.name!),
      ),
    );
    return items.map(cloneJson);
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): ClusterObject | undefined {
    const found = this.bucket(type).get(
      objectKey(type.namespaced ? namespace : undefined, name),
    );
    return found && cloneJson(found);
  }

  /** Throws a NotFound ApiError when absent. */
  mustGet(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): ClusterObject {
    const found = this.get(type, namespace, name);
    if (!found) throw new ApiError(notFound(type, name));
    return found;
  }

  /** Creates or replaces an object (status included), as a controller or `kubectl apply` would. */
  upsert(input: ClusterObject): ClusterObject {
    const type = typeOfObject(input);
    const name = input.metadata?.name;
    if (!name)
      throw new ApiError(badRequest(`${input.kind} has no metadata.name`));
    const namespace = type.namespaced
      ? input.metadata?.namespace ?? 'default'
      : undefined;
    const existing = this.get(type, namespace, name);
    const obj = cloneJson(input);
    obj.metadata = { ...obj.metadata, name };
    if (namespace) obj.metadata.namespace = namespace;
    else delete obj.metadata.namespace;
    if (existing) {
      obj.metadata.uid = existing.metadata!.uid;
      obj.metadata.creationTimestamp = existing.metadata!.creationTimestamp;
      if (type.hasGeneration) {
        const changed = !jsonEqual(specOf(existing), specOf(obj));
        obj.metadata.generation =
          (existing.metadata!.generation ?? 1) + (changed ? 1 : 0);
      }
      return this.commit(type, 'MODIFIED', obj, existing);
    }
    obj.metadata.uid ??= this.nextUid();
    obj.metadata.creationTimestamp ??= kubeTime(this.options.now());
    if (type.hasGeneration) obj.metadata.generation ??= 1;
    return this.commit(type, 'ADDED', obj);
  }

  /**
   * Changes an existing object through `mutate`. Spec changes bump
   * metadata.generation; a change that changes nothing writes nothing
   * (no new resourceVersion, no event), as on a real apiserver.
   */
  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    mutate: (current: ClusterObject) => ClusterObject,
  ): ClusterObject {
    const existing = this.mustGet(type, namespace, name);
    const next = mutate(cloneJson(existing));
    next.metadata = {
      ...next.metadata,
      name: existing.metadata!.name,
      namespace: existing.metadata!.namespace,
      uid: existing.metadata!.uid,
      creationTimestamp: existing.metadata!.creationTimestamp,
      resourceVersion: existing.metadata!.resourceVersion,
      generation: existing.metadata!.generation,
    };
    if (!type.namespaced) delete next.metadata.namespace;
    if (jsonEqual(next, existing)) return existing;
    if (type.hasGeneration && !jsonEqual(specOf(existing), specOf(next))) {
      next.metadata.generation = (existing.metadata!.generation ?? 1) + 1;
    }
    return this.commit(type, 'MODIFIED', next, existing);
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): ClusterObject {
    const existing = this.mustGet(type, namespace, name);
    this.bucket(type).delete(objectKey(existing.metadata!.namespace, name));
    this.rv++;
    const gone = cloneJson(existing);
    gone.metadata!.resourceVersion = String(this.rv);
    this.record({
      resourceVersion: this.rv,
      type,
      eventType: 'DELETED',
      object: gone,
    });
    return gone;
  }

  private commit(
    type: ResourceType,
    eventType: WatchEventType,
    obj: ClusterObject,
    previous?: ClusterObject,
  ): ClusterObject {
    this.rv++;
    obj.metadata!.resourceVersion = String(this.rv);
    this.bucket(type).set(
      objectKey(obj.metadata!.namespace, obj.metadata!.name!),
      obj,
    );
    this.record({
      resourceVersion: this.rv,
      type,
      eventType,
      object: cloneJson(obj),
      previous,
    });
    return cloneJson(obj);
  }

  private record(event: StoreEvent) {
    this.history.push(event);
    while (this.history.length > this.options.historyLimit) {
      this.compactedThrough = this.history.shift()!.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Events after `resourceVersion`, or 'expired' when some of them are no
   * longer retained.
   */
  eventsSince(resourceVersion: number): StoreEvent[] | 'expired' {
    if (resourceVersion < this.compactedThrough) return 'expired';
    return this.history.filter(e => e.resourceVersion > resourceVersion);
  }

  /** Forgets all history: every resourceVersion before now becomes too old. */
  compact(): void {
    this.history = [];
    this.compactedThrough = this.rv;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private nextUid(): string {
    this.uidCounter++;
    const tail = this.uidCounter.toString(16).padStart(12, '0');
    return `5f1a0000-0000-4000-8000-${tail}`;
  }
}
