/**
 * What changed in one cluster's cache: a counter per key, so a status built
 * from equal counts is still current (see TrackingSnapshot), and listeners
 * told of each changed object (streams, actions waiting on a controller).
 */
import { EventEmitter } from 'node:events';
import { FluxObjectRef } from '@flux-portal/plugin-flux-common';

type ObjectId = Pick<FluxObjectRef, 'kind' | 'namespace' | 'name'>;

/** The keys counted: one object, a kind's list, an object's events, and errors/sync state. */
export const changeKeys = {
  object: ({ kind, namespace, name }: ObjectId) =>
    `${kind}/${namespace}/${name}`,
  list: (kind: string) => `list:${kind}`,
  events: ({ kind, namespace, name }: ObjectId) =>
    `events:${kind}/${namespace}/${name}`,
  health: '#health',
} as const;

export class ChangeCounts {
  private readonly counts = new Map<string, number>();
  private healthCount = 0;
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** How often what a key (see changeKeys) names has changed. */
  countOf(key: string): number {
    return key === changeKeys.health
      ? this.healthCount
      : this.counts.get(key) ?? 0;
  }

  /** Errors or sync state changed. */
  healthChanged(): void {
    this.healthCount++;
  }

  /** An object was added, changed or deleted. */
  objectChanged(ref: FluxObjectRef): void {
    this.bump(changeKeys.object(ref));
    this.bump(changeKeys.list(ref.kind));
    this.emitter.emit('change', ref);
  }

  /** An Event about this object came or went: news about the object, not the Event. */
  eventsChanged(ref: FluxObjectRef): void {
    this.bump(changeKeys.events(ref));
    this.emitter.emit('change', ref);
  }

  /** Subscribes to changed objects; returns the unsubscribe function. */
  onChange(listener: (ref: FluxObjectRef) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  removeAllListeners(): void {
    this.emitter.removeAllListeners();
  }

  private bump(key: string) {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
