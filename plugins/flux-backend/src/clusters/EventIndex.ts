/**
 * Kubernetes Events by the object they are about (`involvedObject`), kept
 * as Events come and go, so an object's events are a lookup rather than a
 * scan of every Event in the cluster.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { objectKey } from './ObjectStore';

/** The object an Event is about. */
export interface InvolvedObject {
  kind: string;
  namespace: string;
  name: string;
}

export function involvedObjectOf(event: KubernetesObject): InvolvedObject {
  const involved = (event as any).involvedObject ?? {};
  return {
    kind: involved.kind ?? '',
    namespace: involved.namespace ?? '',
    name: involved.name ?? '',
  };
}

const aboutKey = ({ kind, namespace, name }: InvolvedObject) =>
  `${kind}/${namespace}/${name}`;

const eventKey = (event: KubernetesObject) =>
  objectKey(event.metadata?.namespace, event.metadata?.name);

export class EventIndex {
  private readonly byObject = new Map<string, Map<string, KubernetesObject>>();

  add(event: KubernetesObject): void {
    const about = aboutKey(involvedObjectOf(event));
    let events = this.byObject.get(about);
    if (!events) this.byObject.set(about, (events = new Map()));
    events.set(eventKey(event), event);
  }

  remove(event: KubernetesObject): void {
    const about = aboutKey(involvedObjectOf(event));
    const events = this.byObject.get(about);
    events?.delete(eventKey(event));
    if (events?.size === 0) this.byObject.delete(about);
  }

  /** Events about one object, any order. */
  eventsFor(object: InvolvedObject): readonly KubernetesObject[] {
    const events = this.byObject.get(aboutKey(object));
    return events ? [...events.values()] : [];
  }
}
