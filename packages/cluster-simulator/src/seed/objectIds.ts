/** How seeding names objects: their namespace as seeded, and `kind/namespace/name` keys. */
import { ClusterObject } from '../clusterObject';

/** The object's namespace; objects without one are seeded into `default`. */
export function ns(obj: ClusterObject): string {
  return obj.metadata?.namespace ?? 'default';
}

/** `kind/namespace/name`: unique among the seeded objects. */
export function id(obj: ClusterObject): string {
  return `${obj.kind}/${ns(obj)}/${obj.metadata?.name}`;
}
