/**
 * Where an applier's artifact comes from, the way the controllers resolve
 * it: a Kustomization's `spec.sourceRef`; a HelmRelease's `spec.chartRef`,
 * else the HelmChart helm-controller made from `spec.chart` (named in
 * `status.helmChart`, by default `<namespace>-<name>` in the source's
 * namespace) and the repository that chart comes from.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  FluxKustomization,
  HELM_RELEASE_KIND,
  HelmRelease,
  KUSTOMIZATION_KIND,
  ObjectKey,
  readCrossNamespaceRef,
} from '@flux-portal/plugin-flux-common';

export interface ResolvedSource {
  /** The object whose artifact the applier applies (drift is measured against it). */
  artifact: ObjectKey;
  /** The object `flux reconcile --with-source` reconciles. */
  reconcileTarget: ObjectKey;
  /** The repository whose URL is shown (GitRepository, HelmRepository, OCIRepository, Bucket). */
  repository?: ObjectKey;
}

function kustomizationSource(
  obj: FluxKustomization,
  namespace: string,
): ResolvedSource | undefined {
  const source = readCrossNamespaceRef(obj.spec?.sourceRef, namespace);
  return (
    source && { artifact: source, reconcileTarget: source, repository: source }
  );
}

function helmReleaseSource(
  obj: HelmRelease & { status?: { helmChart?: string } },
  namespace: string,
): ResolvedSource | undefined {
  const chartRef = readCrossNamespaceRef(obj.spec?.chartRef, namespace);
  if (chartRef) {
    return {
      artifact: chartRef,
      reconcileTarget: chartRef,
      repository: chartRef.kind === 'HelmChart' ? undefined : chartRef,
    };
  }
  const repository = readCrossNamespaceRef(
    obj.spec?.chart?.spec?.sourceRef,
    namespace,
  );
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
