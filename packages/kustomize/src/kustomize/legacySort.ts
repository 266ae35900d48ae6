import { compareNames } from '../tree/compareNames';
import { resIdOf } from './resId';
import { Resource } from './Resource';

// kustomize's legacy output order (the default of `kustomize build` and
// `kubectl kustomize`): these kinds first, these last, the rest in between.
const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];
function typeOrder(first: string[], last: string[]): Map<string, number> {
  const order = new Map<string, number>();
  first.forEach((k, i) => order.set(k, i - first.length));
  last.forEach((k, i) => order.set(k, i + 1));
  return order;
}
const DEFAULT_ORDER = typeOrder(ORDER_FIRST, ORDER_LAST);

function sortKey(
  r: Resource,
  order: Map<string, number>,
): { order: number; gvk: string; rest: string } {
  const id = resIdOf(r.object);
  const gvk = [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
  const ns =
    typeof r.object.metadata?.namespace === 'string' &&
    r.object.metadata.namespace
      ? r.object.metadata.namespace
      : '~X';
  return {
    order: order.get(id.kind) ?? 0,
    gvk,
    rest: `${gvk}|${ns}|${id.name || '~N'}`,
  };
}

/**
 * Sorts resources in kustomize's legacy order (stable); `sortOptions`
 * legacySortOptions may replace the first/last kind lists.
 */
export function legacySort(
  resources: readonly Resource[],
  orderFirst: string[] = ORDER_FIRST,
  orderLast: string[] = ORDER_LAST,
): Resource[] {
  const order =
    orderFirst === ORDER_FIRST && orderLast === ORDER_LAST
      ? DEFAULT_ORDER
      : typeOrder(orderFirst, orderLast);
  const keyed = resources.map(r => ({ r, k: sortKey(r, order) }));
  keyed.sort((a, b) => {
    if (a.k.gvk !== b.k.gvk) {
      if (a.k.order !== b.k.order) return a.k.order - b.k.order;
      return compareNames(a.k.gvk, b.k.gvk);
    }
    return compareNames(a.k.rest, b.k.rest);
  });
  return keyed.map(x => x.r);
}
