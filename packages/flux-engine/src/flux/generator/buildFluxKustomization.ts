import {
  FileTree,
  ManifestCache,
  RenderResult,
  renderKustomization,
} from '@flux-portal/kustomize';
import { generateKustomization } from './generateKustomization';
import { applyCommonMetadata } from './mergeFluxOverlay';
import type { FluxOverlay } from './types';

type Problem = RenderResult['problems'][number];

function problemKey(p: Problem): string {
  return `${p.code}|${p.file}|${p.line}|${p.message}`;
}

/**
 * Builds folder `dir` as kustomize-controller does: its generator writes the
 * kustomization, kustomize builds it, then commonMetadata is set. Never
 * throws for bad input.
 * @public
 */
export async function buildFluxKustomization(
  tree: FileTree,
  dir: string,
  options: { overlay?: FluxOverlay; cache?: ManifestCache } = {},
): Promise<RenderResult> {
  const cache = options.cache ?? new ManifestCache();
  const generated = await generateKustomization(
    tree,
    dir,
    options.overlay,
    cache,
  );
  if (!generated.kustomization) {
    return {
      objects: [],
      problems: withoutGeneratedLines(generated.problems),
      unresolved: [],
    };
  }
  const rendered = await renderKustomization(tree, dir, {
    cache,
    kustomization: generated.kustomization,
  });
  applyCommonMetadata(rendered.objects, options.overlay);
  // A file the build reaches again (a cycle back to the root) reports once.
  const problems = withoutGeneratedLines(generated.problems);
  const seen = new Set(problems.map(problemKey));
  for (const p of rendered.problems)
    if (!seen.has(problemKey(p))) problems.push(p);
  return { ...rendered, problems };
}

// Entries the generator wrote have no line of their own (line 0): say none.
function withoutGeneratedLines(problems: Problem[]): Problem[] {
  return problems.map(p => (p.line === 0 ? { ...p, line: undefined } : p));
}
