/**
 * Every Flux object of every cluster, failing first, filtered the way the
 * Flux page asks (cluster, namespace, kind, state, free text).
 */
import {
  compareStates,
  FluxClusterError,
  FluxObjectList,
  FluxState,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  SOURCE_KINDS,
} from '@flux-portal/plugin-flux-common';
import { summarizeObject } from './summarizeObject';
import { ClusterSnapshot, SummaryOptions } from './types';

/** The kinds that get a derived state (not flux-common's FLUX_KINDS, every Flux kind). */
export const STATUS_KINDS: readonly string[] = [
  KUSTOMIZATION_KIND,
  HELM_RELEASE_KIND,
  ...SOURCE_KINDS,
];

export interface ObjectFilter {
  cluster?: string[];
  namespace?: string[];
  kind?: string[];
  state?: FluxState[];
  /** Case-insensitive substring of name, namespace, kind or message. */
  q?: string;
  limit?: number;
}

export function listObjects(
  clusters: ReadonlyMap<string, ClusterSnapshot>,
  filter: ObjectFilter,
  options: Omit<SummaryOptions, 'details'>,
): FluxObjectList {
  const items: FluxObjectList['items'] = [];
  const errors: FluxClusterError[] = [];
  const q = filter.q?.trim().toLocaleLowerCase('en-US');
  const kinds = filter.kind?.length
    ? STATUS_KINDS.filter(k => filter.kind!.includes(k))
    : STATUS_KINDS;
  for (const [name, cluster] of clusters) {
    if (filter.cluster?.length && !filter.cluster.includes(name)) continue;
    errors.push(...cluster.errors(kinds));
    for (const kind of kinds) {
      for (const obj of cluster.view.list(kind)) {
        const namespace = obj.metadata?.namespace ?? '';
        if (filter.namespace?.length && !filter.namespace.includes(namespace))
          continue;
        const summary = summarizeObject(cluster.view, kind, obj, {
          ...options,
          details: false,
        });
        if (filter.state?.length && !filter.state.includes(summary.state))
          continue;
        if (
          q &&
          ![
            summary.name,
            summary.namespace,
            summary.kind,
            summary.message,
            summary.cluster,
          ].some(v => v.toLocaleLowerCase('en-US').includes(q))
        )
          continue;
        items.push(summary);
      }
    }
  }
  items.sort(
    (a, b) =>
      compareStates(a.state, b.state) ||
      a.cluster.localeCompare(b.cluster) ||
      a.kind.localeCompare(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { items: filter.limit ? items.slice(0, filter.limit) : items, errors };
}
