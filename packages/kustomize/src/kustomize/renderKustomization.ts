import { EngineProblem } from '../problems';
import { FileTree, resolveTreePath } from '../tree';
import { accumulate, RenderContext } from './accumulate';
import { generatedNameHash } from './generators/nameHash';
import { Kustomization, KUSTOMIZATION_FILE_NAMES } from './kustomizationFile';
import { legacySort } from './legacySort';
import { ManifestCache } from './ManifestCache';
import { fixNameReferences } from './nameReference';
import { ResMap } from './ResMap';
import { RenderedObject, RenderResult } from './types';

/** Render options. @public */
export interface RenderOptions {
  /**
   * Build this kustomization instead of the folder's own file: what a
   * generator (such as kustomize-controller's) wrote for the folder.
   */
  kustomization?: Kustomization;
  /** Shares parsed files across many renders of one load. */
  cache?: ManifestCache;
}

/**
 * Renders the kustomization at tree path `dir` like `kustomize build` v5
 * (files anywhere inside the tree may be loaded, nothing outside). With
 * `options.kustomization` that object is built in place of the folder's own
 * file, as krusty builds the kustomization.yaml a generator wrote. Never
 * throws for bad input: problems are reported and everything else is still
 * rendered.
 * @public
 */
export async function renderKustomization(
  tree: FileTree,
  dir: string,
  options?: RenderOptions,
): Promise<RenderResult> {
  const ctx: RenderContext = {
    tree,
    cache: options?.cache ?? new ManifestCache(),
    problems: [],
    unresolved: [],
    stack: [],
    prefetched: new Set(),
  };
  let root: string;
  try {
    root = resolveTreePath('', dir);
  } catch (e) {
    return {
      objects: [],
      problems: [
        {
          code: 'path-escape',
          severity: 'error',
          file: '',
          message: (e as Error).message,
        },
      ],
      unresolved: [],
    };
  }

  try {
    const k = options?.kustomization ?? (await rootKustomization(ctx, root));
    if (!k) return finish(ctx, []);
    const resMap = await accumulate(ctx, k);
    addNameHashes(resMap);
    fixNameReferences(resMap);
    const sort = k.sortOptions;
    const ordered =
      sort?.order === 'fifo'
        ? resMap.resources
        : legacySort(resMap.resources, sort?.orderFirst, sort?.orderLast);
    const objects: RenderedObject[] = ordered.map(r => ({
      object: r.object,
      origin: r.origin,
    }));
    return finish(ctx, objects);
  } catch (e) {
    // Bad input never gets here (it becomes problems); this guards the
    // promise of never throwing against I/O failures and engine bugs.
    ctx.problems.push({
      code: 'render-failed',
      severity: 'error',
      file: root,
      message: `rendering '${root || '.'}' failed: ${
        (e as Error)?.message ?? String(e)
      }`,
    });
    return finish(ctx, []);
  }
}

async function rootKustomization(
  ctx: RenderContext,
  root: string,
): Promise<Kustomization | undefined> {
  const loaded = await ctx.cache.loadKustomization(ctx.tree, root);
  if (loaded.found) {
    ctx.problems.push(...loaded.problems);
    return loaded.kustomization;
  }
  if (loaded.error) {
    ctx.problems.push({
      code: loaded.error.code,
      severity: 'error',
      file: loaded.error.path,
      message: loaded.error.message,
    });
    return undefined;
  }
  const type = await ctx.cache.stat(ctx.tree, root).catch(() => undefined);
  ctx.problems.push({
    code: 'file-not-found',
    severity: 'error',
    file: root,
    message:
      type === 'dir'
        ? `unable to find one of ${KUSTOMIZATION_FILE_NAMES.map(
            n => `'${n}'`,
          ).join(', ')} in directory '${root || '.'}'`
        : `directory '${root || '.'}' does not exist`,
  });
  return undefined;
}

/** Generated ConfigMaps/Secrets get their content hash as a name suffix, last. */
function addNameHashes(resMap: ResMap): void {
  let changed = false;
  for (const r of resMap.resources) {
    if (!r.needsHash) continue;
    r.setName(`${r.name}-${generatedNameHash(r.object)}`);
    changed = true;
  }
  if (changed) resMap.reindex();
}

function finish(ctx: RenderContext, objects: RenderedObject[]): RenderResult {
  // A file used twice in one render reports its problems once.
  const seen = new Set<string>();
  const problems: EngineProblem[] = [];
  for (const p of ctx.problems) {
    const key = `${p.code}|${p.file}|${p.line}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Entries without a line (written by a generator, not read from a file) say none.
    problems.push(p.line === 0 ? { ...p, line: undefined } : p);
  }
  return { objects, problems, unresolved: ctx.unresolved };
}
