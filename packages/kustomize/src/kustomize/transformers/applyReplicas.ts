import { REPLICA_SPECS } from '../fields/labelSpecs';
import { specMatches, visitField } from '../fields/fieldSpec';
import { splitApiVersion } from '../resId';
import { Resource } from '../Resource';

/**
 * The `replicas` field: sets spec.replicas of workloads whose name (current
 * or original) matches. Returns names that matched nothing.
 */
export function applyReplicas(
  resources: readonly Resource[],
  replicas: Array<{ name: string; count: number }>,
): string[] {
  const unmatched: string[] = [];
  for (const { name, count } of replicas) {
    let matched = false;
    for (const r of resources) {
      if (!r.hadName(name)) continue;
      const { group, version } = splitApiVersion(r.object.apiVersion);
      for (const spec of REPLICA_SPECS) {
        if (!specMatches(spec, group, version, r.kind)) continue;
        matched = true;
        visitField(r.object, spec.path, true, (parent, key) => {
          parent[key] = count;
        });
      }
    }
    if (!matched) unmatched.push(name);
  }
  return unmatched;
}
