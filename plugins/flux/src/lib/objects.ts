/** Keys, ordering and filtering of Flux objects, shared by the tab and the page. */
import {
  compareStates,
  type FluxObjectRef,
  type FluxObjectSummary,
  type FluxState,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  STATE_SEVERITY,
} from '@flux-portal/plugin-flux-common';

/** A key that stays the same across updates, so React keeps rows and their open details. @public */
export function objectKey(ref: FluxObjectRef): string {
  return `${ref.cluster}/${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** Cluster, kind, namespace, name: an order that does not change with state. @public */
export function compareIdentity(a: FluxObjectRef, b: FluxObjectRef): number {
  return (
    a.cluster.localeCompare(b.cluster) ||
    a.kind.localeCompare(b.kind) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name)
  );
}

/** Worst state first, then by identity. @public */
export function compareObjects(
  a: FluxObjectSummary,
  b: FluxObjectSummary,
): number {
  return compareStates(a.state, b.state) || compareIdentity(a, b);
}

/** Filters of the Flux page, applied in the browser on top of the server's. @public */
export interface ObjectFilters {
  cluster?: string;
  namespace?: string;
  kind?: string;
  state?: FluxState;
  q?: string;
}

/**
 * Filters from a URL's query (`?state=Failed&cluster=prod`), so a link can
 * open the Flux page already filtered; unknown states are ignored.
 */
export function filtersFromSearch(search: string): ObjectFilters {
  const params = new URLSearchParams(search);
  const filters: ObjectFilters = {};
  for (const key of ['cluster', 'namespace', 'kind', 'q'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const state = params.get('state');
  if (state && (STATE_SEVERITY as readonly string[]).includes(state))
    filters.state = state as FluxState;
  return filters;
}

/** @public */
export function filterObjects(
  items: readonly FluxObjectSummary[],
  filters: ObjectFilters,
): FluxObjectSummary[] {
  const q = filters.q?.trim().toLocaleLowerCase('en-US');
  return items
    .filter(
      item =>
        (!filters.cluster || item.cluster === filters.cluster) &&
        (!filters.namespace || item.namespace === filters.namespace) &&
        (!filters.kind || item.kind === filters.kind) &&
        (!filters.state || item.state === filters.state) &&
        (!q ||
          [item.name, item.namespace, item.kind, item.cluster, item.message]
            .join(' ')
            .toLocaleLowerCase('en-US')
            .includes(q)),
    )
    .sort(compareObjects);
}

/** Distinct sorted values of one field, for filter menus. @public */
export function distinct(
  items: readonly FluxObjectSummary[],
  field: 'cluster' | 'namespace' | 'kind',
): string[] {
  return [...new Set(items.map(item => item[field]))].sort();
}

/** Appliers (what deploys things) first, then sources, each worst first. */
export function isApplier(kind: string): boolean {
  return kind === KUSTOMIZATION_KIND || kind === HELM_RELEASE_KIND;
}
