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
import {
  followKustomizations,
  type FollowedKustomization,
} from '@flux-portal/flux-engine';
import type { RenderFailure } from './seed/types';
import { SourceMapping, withSelfSource } from '@flux-portal/flux-engine';
import { kustomizationOwnerLabels } from '@flux-portal/plugin-flux-common';

export interface ClusterObjects {
  objects: KubeObject[];
  problems: EngineProblem[];
  /** Kustomizations whose render fails, with the engine's first error: they fail their build in the cluster */
  renderFailures: RenderFailure[];
}

const formatted = (p: EngineProblem) =>
  `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/**
 * Which Kustomization's render each error belongs to: the one whose rendered
 * folder holds the file (the deepest), and those that did not render at all.
 */
function renderFailuresOf(
  kustomizations: Iterable<FollowedKustomization>,
  problems: EngineProblem[],
): RenderFailure[] {
  const all = [...kustomizations];
  const failures = new Map<FollowedKustomization, string>();
  for (const ks of all) {
    if (ks.status === 'path-not-found' || ks.status === 'invalid')
      failures.set(ks, ks.reason ?? ks.status);
  }
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const owner = all
      .filter(
        ks =>
          ks.status === 'rendered' &&
          ks.renderedDir !== null &&
          (ks.renderedDir === '' || p.file.startsWith(`${ks.renderedDir}/`)),
      )
      .sort((a, b) => b.renderedDir!.length - a.renderedDir!.length)[0];
    if (owner && !failures.has(owner)) failures.set(owner, formatted(p));
  }
  return [...failures].map(([ks, message]) => ({
    namespace: ks.spec.namespace,
    name: ks.spec.name,
    message,
  }));
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
  return {
    objects: [...byIdentity.values()],
    problems: followed.problems,
    renderFailures: renderFailuresOf(
      followed.kustomizations.values(),
      followed.problems,
    ),
  };
}
