/**
 * Where an applier's artifact comes from, the way the controllers resolve
 * it: a Kustomization's `spec.sourceRef`; a HelmRelease's `spec.chartRef`,
 * else the HelmChart helm-controller made from `spec.chart` (named in
 * `status.helmChart`, by default `<namespace>-<name>` in the source's
 * namespace) and the repository that chart comes from.
 */
import type { KubernetesObject } from '@kubernetes/client-node';

export interface ObjectKey {
  kind: string;
  namespace: string;
  name: string;
}

export interface ResolvedSource {
  /** The object whose artifact the applier applies (drift is measured against it). */
  artifact: ObjectKey;
  /** The object `flux reconcile --with-source` reconciles. */
  reconcileTarget: ObjectKey;
  /** The repository whose URL is shown (GitRepository, HelmRepository, OCIRepository, Bucket). */
  repository?: ObjectKey;
}

function ref(value: any, defaultNamespace: string): ObjectKey | undefined {
  if (
    !value ||
    typeof value.kind !== 'string' ||
    typeof value.name !== 'string'
  ) {
    return undefined;
  }
  return {
    kind: value.kind,
    name: value.name,
    namespace:
      typeof value.namespace === 'string' && value.namespace
        ? value.namespace
        : defaultNamespace,
  };
}

export function sourceOf(
  kind: string,
  obj: KubernetesObject,
): ResolvedSource | undefined {
  const namespace = obj.metadata?.namespace ?? '';
  const spec = (obj as any).spec ?? {};
  if (kind === 'Kustomization') {
    const source = ref(spec.sourceRef, namespace);
    return (
      source && {
        artifact: source,
        reconcileTarget: source,
        repository: source,
      }
    );
  }
  if (kind === 'HelmRelease') {
    const chartRef = ref(spec.chartRef, namespace);
    if (chartRef) {
      return {
        artifact: chartRef,
        reconcileTarget: chartRef,
        repository: chartRef.kind === 'HelmChart' ? undefined : chartRef,
      };
    }
    const repository = ref(spec.chart?.spec?.sourceRef, namespace);
    if (!repository) return undefined;
    const named = String((obj as any).status?.helmChart ?? '').split('/');
    const chart: ObjectKey =
      named.length === 2 && named[0] && named[1]
        ? { kind: 'HelmChart', namespace: named[0], name: named[1] }
        : {
            kind: 'HelmChart',
            namespace: repository.namespace,
            name: `${namespace}-${obj.metadata?.name}`,
          };
    return { artifact: chart, reconcileTarget: chart, repository };
  }
  return undefined;
}
