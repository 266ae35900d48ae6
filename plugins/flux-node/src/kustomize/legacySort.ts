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
const TYPE_ORDER = new Map<string, number>();
ORDER_FIRST.forEach((k, i) => TYPE_ORDER.set(k, i - ORDER_FIRST.length));
ORDER_LAST.forEach((k, i) => TYPE_ORDER.set(k, i + 1));

function sortKey(r: Resource): { order: number; gvk: string; rest: string } {
  const id = resIdOf(r.object);
  const gvk = [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
  const ns =
    typeof r.object.metadata?.namespace === 'string' &&
    r.object.metadata.namespace
      ? r.object.metadata.namespace
      : '~X';
  return {
    order: TYPE_ORDER.get(id.kind) ?? 0,
    gvk,
    rest: `${gvk}|${ns}|${id.name || '~N'}`,
  };
}

/** Sorts resources in kustomize's legacy order (stable). */
export function legacySort(resources: readonly Resource[]): Resource[] {
  const keyed = resources.map(r => ({ r, k: sortKey(r) }));
  keyed.sort((a, b) => {
    if (a.k.gvk !== b.k.gvk) {
      if (a.k.order !== b.k.order) return a.k.order - b.k.order;
      return compareNames(a.k.gvk, b.k.gvk);
    }
    return compareNames(a.k.rest, b.k.rest);
  });
  return keyed.map(x => x.r);
}
