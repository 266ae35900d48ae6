/**
 * Which Flux objects deploy a catalog entity, from the annotations the
 * catalog module writes (keys in flux-common). A cluster entity with no
 * applier of its own is deployed by every Kustomization of its cluster.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_KUSTOMIZATION_SHARED_BY,
  ANNOTATION_WORKLOADS,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_SOURCE_COMMIT,
  ANNOTATION_SOURCE_COMMIT_READ_AT,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  parseClusters,
  parseNamespacedName,
  parseSharedBy,
  parseSourceCommit,
  parseSourceCommitReadAt,
  parseWorkloads,
  WorkloadRef,
} from '@flux-portal/plugin-flux-common';
import type { ObjectKey } from '@flux-portal/plugin-flux-common';

export interface EntityFluxObjects {
  clusters: string[];
  /** Kustomizations and HelmReleases, by name. */
  appliers: ObjectKey[];
  /** A cluster entity: all Kustomizations of each cluster. */
  allKustomizations: boolean;
  workloads: WorkloadRef[];
  /** Namespaces the entity's own objects live in (its share of a shared inventory). */
  namespaces: Set<string>;
  /**
   * The Kustomization of the annotation when it deploys other entities too
   * (the catalog's shared-by count above 1), else undefined.
   */
  sharedKustomization?: { key: ObjectKey; sharedBy: number };
  /** The commit the entity's current content was first read at, when the catalog recorded one. */
  catalogCommit?: string;
  /** When the catalog read it (ISO 8601 UTC), when recorded. */
  catalogReadAt?: string;
}

export function entityFluxObjects(entity: Entity): EntityFluxObjects {
  const annotations = entity.metadata.annotations ?? {};
  const clusters = parseClusters(annotations[ANNOTATION_CLUSTERS]);
  const appliers: ObjectKey[] = [];
  const kustomization = parseNamespacedName(
    annotations[ANNOTATION_KUSTOMIZATION],
  );
  if (kustomization)
    appliers.push({ kind: KUSTOMIZATION_KIND, ...kustomization });
  const sharedBy = parseSharedBy(
    annotations[ANNOTATION_KUSTOMIZATION_SHARED_BY],
  );
  const helmRelease = parseNamespacedName(annotations[ANNOTATION_HELM_RELEASE]);
  if (helmRelease) appliers.push({ kind: HELM_RELEASE_KIND, ...helmRelease });
  const workloads = parseWorkloads(annotations[ANNOTATION_WORKLOADS]);
  const namespaces = new Set<string>();
  for (const w of workloads) if (w.namespace) namespaces.add(w.namespace);
  if (helmRelease) namespaces.add(helmRelease.namespace);
  const k8sNamespace = annotations[ANNOTATION_KUBERNETES_NAMESPACE];
  if (k8sNamespace) namespaces.add(k8sNamespace);
  const isCluster =
    appliers.length === 0 &&
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as any)?.type === 'kubernetes-cluster';
  // Without any namespace hint a workload-less entity would see the whole
  // shared inventory; the kubernetes-id names its objects otherwise.
  if (
    namespaces.size === 0 &&
    annotations[ANNOTATION_KUBERNETES_ID] &&
    !isCluster
  ) {
    namespaces.add(annotations[ANNOTATION_KUBERNETES_ID]);
  }
  return {
    clusters,
    appliers,
    allKustomizations: isCluster,
    workloads,
    namespaces,
    catalogCommit: parseSourceCommit(annotations[ANNOTATION_SOURCE_COMMIT]),
    catalogReadAt: parseSourceCommitReadAt(
      annotations[ANNOTATION_SOURCE_COMMIT_READ_AT],
    ),
    ...(kustomization && sharedBy !== undefined && sharedBy > 1
      ? {
          sharedKustomization: {
            key: { kind: KUSTOMIZATION_KIND, ...kustomization },
            sharedBy,
          },
        }
      : {}),
  };
}

/** Whether an entity is deployed by this Kustomization or HelmRelease, so acting on it is acting on the entity. */
export function deploysEntity(
  mapped: EntityFluxObjects,
  object: { cluster: string; kind: string; namespace: string; name: string },
): boolean {
  if (!mapped.clusters.includes(object.cluster)) return false;
  if (mapped.allKustomizations && object.kind === KUSTOMIZATION_KIND)
    return true;
  return mapped.appliers.some(
    a =>
      a.kind === object.kind &&
      a.namespace === object.namespace &&
      a.name === object.name,
  );
}
