/**
 * Where an applier's artifact comes from, the way the controllers resolve
 * it: a Kustomization's `spec.sourceRef`; a HelmRelease's `spec.chartRef`,
 * else the HelmChart helm-controller made from `spec.chart` (named in
 * `status.helmChart`, by default `<namespace>-<name>` in the source's
 * namespace) and the repository that chart comes from.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CrossNamespaceRef,
  FluxKustomization,
  HELM_RELEASE_KIND,
  HelmRelease,
  KUSTOMIZATION_KIND,
  NamespacedName,
} from '@flux-portal/plugin-flux-common';

/** An object of one cluster by kind, namespace and name. */
export interface ObjectKey extends NamespacedName {
  kind: string;
}

export interface ResolvedSource {
  /** The object whose artifact the applier applies (drift is measured against it). */
  artifact: ObjectKey;
  /** The object `flux reconcile --with-source` reconciles. */
  reconcileTarget: ObjectKey;
  /** The repository whose URL is shown (GitRepository, HelmRepository, OCIRepository, Bucket). */
  repository?: ObjectKey;
}

/** A Flux cross-namespace ref as a key; its namespace defaults to the referring object's. */
function ref(
  value: CrossNamespaceRef | undefined,
  defaultNamespace: string,
): ObjectKey | undefined {
  if (typeof value?.kind !== 'string' || typeof value.name !== 'string') {
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

function kustomizationSource(
  obj: FluxKustomization,
  namespace: string,
): ResolvedSource | undefined {
  const source = ref(obj.spec?.sourceRef, namespace);
  return (
    source && { artifact: source, reconcileTarget: source, repository: source }
  );
}

function helmReleaseSource(
  obj: HelmRelease & { status?: { helmChart?: string } },
  namespace: string,
): ResolvedSource | undefined {
  const chartRef = ref(obj.spec?.chartRef, namespace);
  if (chartRef) {
    return {
      artifact: chartRef,
      reconcileTarget: chartRef,
      repository: chartRef.kind === 'HelmChart' ? undefined : chartRef,
    };
  }
  const repository = ref(obj.spec?.chart?.spec?.sourceRef, namespace);
  if (!repository) return undefined;
  const named = String(obj.status?.helmChart ?? '').split('/');
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

export function sourceOf(
  kind: string,
  obj: KubernetesObject,
): ResolvedSource | undefined {
  const namespace = obj.metadata?.namespace ?? '';
  if (kind === KUSTOMIZATION_KIND) {
    return kustomizationSource(obj as FluxKustomization, namespace);
  }
  if (kind === HELM_RELEASE_KIND) {
    return helmReleaseSource(obj as HelmRelease, namespace);
  }
  return undefined;
}
