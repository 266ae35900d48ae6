/**
 * Everything Flux would apply to one cluster: the entry folder's objects and
 * every Kustomization's output, labelled the way kustomize-controller labels
 * what it applies (`kustomize.toolkit.fluxcd.io/name` and `/namespace`), so
 * a simulated cluster seeded from it has owners and inventories to show.
 */
import type { FileTree } from '@flux-portal/kustomize';
import type { KubeObject } from '@flux-portal/kustomize';
import type { EngineProblem } from '@flux-portal/kustomize';
import { ManifestCache } from '@flux-portal/kustomize';
import { followKustomizations } from '@flux-portal/flux-engine';
import { SourceMapping, withSelfSource } from '@flux-portal/flux-engine';
import { kustomizationOwnerLabels } from '@flux-portal/plugin-flux-common';

export interface ClusterObjects {
  objects: KubeObject[];
  problems: EngineProblem[];
}

function identity(obj: KubeObject): string {
  return `${obj.apiVersion}/${obj.kind}/${obj.metadata?.namespace ?? ''}/${
    obj.metadata?.name
  }`;
}

export async function renderClusterObjects(
  tree: FileTree,
  clusterDir: string,
  sources: SourceMapping[] = [],
): Promise<ClusterObjects> {
  const followed = await followKustomizations({
    tree,
    entryDir: clusterDir,
    sources: withSelfSource(tree, sources),
    caches: new Map<FileTree, ManifestCache>(),
  });
  const byIdentity = new Map<string, KubeObject>();
  for (const { object } of followed.entryObjects) {
    byIdentity.set(identity(object), object);
  }
  for (const ks of followed.kustomizations.values()) {
    if (ks.status !== 'rendered') continue;
    for (const { object } of ks.objects) {
      // Later (deeper) Kustomizations own what they apply, as on a cluster.
      byIdentity.set(identity(object), {
        ...object,
        metadata: {
          ...object.metadata,
          labels: {
            ...(object.metadata?.labels ?? {}),
            ...kustomizationOwnerLabels(ks.spec),
          },
        },
      });
    }
  }
  return { objects: [...byIdentity.values()], problems: followed.problems };
}
