import {
  FileTree,
  ManifestCache,
  resolveTreePath,
} from '@flux-portal/kustomize';
import { buildFluxKustomization, fluxOverlayOf } from '../generator';
import { problemAt } from '../problem';
import { resolveSource, SourceMapping, sourceKey } from '../sources';
import type { FollowedKustomization, RawRender } from './types';

/**
 * Renders a Kustomization's folder in its source, as kustomize-controller
 * builds it. Only reads: everything that depends on the walk so far
 * (problem order, substitution variables, discovery) is left to the walk's
 * settle step, so rendering a batch concurrently gives the same result as
 * rendering one by one.
 */
export async function renderKustomizationOutput(
  state: FollowedKustomization,
  sources: SourceMapping[],
  cacheFor: (tree: FileTree) => ManifestCache,
): Promise<RawRender> {
  state.renders++;
  const { spec, definedAt } = state;
  const mapping = resolveSource(spec.sourceRef, sources);
  if (!mapping) return { status: 'external', problems: [] };
  let dir: string;
  try {
    dir = resolveTreePath(mapping.dir, spec.path);
  } catch {
    return {
      status: 'path-not-found',
      problems: [
        problemAt(
          'path-escape',
          definedAt,
          `Kustomization ${state.key}: spec.path escapes its source`,
        ),
      ],
    };
  }
  if ((await mapping.tree.stat(dir)) !== 'dir') {
    return {
      status: 'path-not-found',
      problems: [
        problemAt(
          'path-not-found',
          definedAt,
          `Kustomization ${state.key}: spec.path './${
            spec.path
          }' is not a folder in ${sourceKey(spec.sourceRef)}`,
        ),
      ],
    };
  }
  const overlay = fluxOverlayOf(spec, definedAt);
  const rendered = await buildFluxKustomization(mapping.tree, dir, {
    overlay: overlay.overlay,
    cache: cacheFor(mapping.tree),
  });
  return {
    status: 'rendered',
    dir,
    rendered,
    problems: [...overlay.problems, ...rendered.problems],
  };
}
