import {
  EngineProblem,
  FileTree,
  Kustomization,
  ManifestCache,
  resolveTreePath,
} from '@flux-portal/kustomize';
import { mergeFluxOverlay } from './mergeFluxOverlay';
import { scanPlainFolder } from './scanPlainFolder';
import type { FluxOverlay } from './types';

/** The kustomization kustomize-controller would build for a folder, or why none. @public */
export interface GeneratedKustomization {
  kustomization?: Kustomization;
  problems: EngineProblem[];
}

/**
 * kustomize-controller's generator step: before calling kustomize it reads
 * the folder's kustomization file (or, when the folder has none, writes one
 * listing every manifest in it) and adds the Flux Kustomization's build fields
 * to it. This produces that kustomization object, for `renderKustomization`.
 * @public
 */
export async function generateKustomization(
  tree: FileTree,
  dir: string,
  overlay: FluxOverlay | undefined,
  cache: ManifestCache,
): Promise<GeneratedKustomization> {
  const problems: EngineProblem[] = [];
  let root: string;
  try {
    root = resolveTreePath('', dir);
  } catch (e) {
    problems.push({
      code: 'path-escape',
      severity: 'error',
      file: '',
      message: (e as Error).message,
    });
    return { problems };
  }
  const loaded = await cache.loadKustomization(tree, root);
  if (loaded.found) {
    problems.push(...loaded.problems);
    if (!loaded.kustomization) return { problems };
    return {
      kustomization: mergeFluxOverlay(loaded.kustomization, overlay),
      problems,
    };
  }
  if (loaded.error) {
    problems.push({
      code: loaded.error.code,
      severity: 'error',
      file: loaded.error.path,
      message: loaded.error.message,
    });
    return { problems };
  }
  const type = await cache.stat(tree, root).catch(() => undefined);
  if (type !== 'dir') {
    problems.push({
      code: 'file-not-found',
      severity: 'error',
      file: root,
      message: `directory '${root || '.'}' does not exist`,
    });
    return { problems };
  }
  const scanned = await scanPlainFolder(tree, root, problems);
  return { kustomization: mergeFluxOverlay(scanned, overlay), problems };
}
