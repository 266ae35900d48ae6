/**
 * One cluster's cached objects, by kind and `namespace/name`: what the
 * informers last saw, served to every status computation.
 */
import type { KubernetesObject } from '@kubernetes/client-node';

/** `namespace/name`, the key of an object within its kind. */
export function objectKey(
  namespace: string | undefined,
  name: string | undefined,
): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

const keyOf = (obj: KubernetesObject) =>
  objectKey(obj.metadata?.namespace, obj.metadata?.name);

export class ObjectStore {
  private readonly byKind = new Map<string, Map<string, KubernetesObject>>();

  get(
    kind: string,
    namespace: string,
    name: string,
  ): KubernetesObject | undefined {
    return this.byKind.get(kind)?.get(objectKey(namespace, name));
  }

  list(kind: string): Iterable<KubernetesObject> {
    return this.byKind.get(kind)?.values() ?? [];
  }

  set(kind: string, obj: KubernetesObject): void {
    let objects = this.byKind.get(kind);
    if (!objects) this.byKind.set(kind, (objects = new Map()));
    objects.set(keyOf(obj), obj);
  }

  delete(kind: string, obj: KubernetesObject): void {
    this.byKind.get(kind)?.delete(keyOf(obj));
  }

  /** The objects of a kind whose key is not in `keys`. */
  missingFrom(kind: string, keys: ReadonlySet<string>): KubernetesObject[] {
    return [...this.list(kind)].filter(obj => !keys.has(keyOf(obj)));
  }
}
