import { EngineProblem } from '../problems';
import { FileTree, resolveTreePath, TreeEntryType } from '../tree';
import { KubeObject } from '../yaml';
import { runGenerators } from './generators/runGenerators';
import { cloneJson, isMap } from './json';
import { Kustomization, Located } from './kustomizationFile';
import { ManifestCache } from './ManifestCache';
import { applyPatches } from './patches/applyPatches';
import { isRemoteReference } from './remote';
import { ResMap } from './ResMap';
import { Resource } from './Resource';
import { applyAnnotations, applyLabels } from './transformers/applyLabels';
import { applyImages } from './transformers/applyImages';
import { applyNameAffixes } from './transformers/applyNameAffixes';
import { applyNamespace } from './transformers/applyNamespace';
import { applyReplicas } from './transformers/applyReplicas';
import { applyReplacements } from './transformers/applyReplacements';
import { loadReplacements } from './replacementsFile';
import { UnresolvedReference } from './types';
import { treeProblem } from './treeProblem';
import { yieldWhenSliceUsed } from './eventLoopSlice';

/** State shared by one render. */
export interface RenderContext {
  tree: FileTree;
  cache: ManifestCache;
  problems: EngineProblem[];
  unresolved: UnresolvedReference[];
  /** Kustomization dirs being accumulated, to detect include cycles. */
  stack: string[];
  /** Paths whose reading has already been started. */
  prefetched: Set<string>;
}

/**
 * Builds the resources of kustomization `k` as kustomize's accumulateTarget
 * does: resources, generators, components, then the transformers in
 * kustomize's order. Components pass their parent's map as `into`.
 */
export async function accumulate(
  ctx: RenderContext,
  k: Kustomization,
  into?: ResMap,
): Promise<ResMap> {
  const resMap = into ?? new ResMap();
  prefetch(ctx, k);
  ctx.stack.push(k.dir);
  try {
    for (const entry of k.resources)
      await accumulateEntry(ctx, k, entry, resMap, false);
    await runGenerators(ctx.tree, k, resMap, ctx.problems);
    for (const entry of k.components)
      await accumulateEntry(ctx, k, entry, resMap, true);
    await transform(ctx, k, resMap);
  } finally {
    ctx.stack.pop();
  }
  return resMap;
}

async function transform(
  ctx: RenderContext,
  k: Kustomization,
  resMap: ResMap,
): Promise<void> {
  const source = {
    tree: ctx.tree,
    file: k.file,
    dir: k.dir,
    parser: ctx.cache,
  };
  await applyPatches(
    resMap,
    k.patches.filter(p => p.value.legacy !== 'json6902'),
    source,
    ctx.problems,
  );
  applyNamespace(resMap.resources, k.namespace);
  applyNameAffixes(resMap.resources, k.namePrefix, k.nameSuffix);
  applyLabels(resMap.resources, k.labels);
  applyAnnotations(resMap.resources, k.commonAnnotations);
  await applyPatches(
    resMap,
    k.patches.filter(p => p.value.legacy === 'json6902'),
    source,
    ctx.problems,
  );
  const unmatched = applyReplicas(
    resMap.resources,
    k.replicas.map(r => r.value),
  );
  for (const name of unmatched) {
    const at = k.replicas.find(r => r.value.name === name);
    ctx.problems.push({
      code: 'replicas-no-match',
      severity: 'warning',
      file: k.file,
      line: at?.line,
      message: `replicas entry '${name}' matches no workload`,
    });
  }
  applyImages(
    resMap.resources,
    k.images.map(i => i.value),
  );
  if (k.replacements.length > 0) {
    const replacements = await loadReplacements(ctx.tree, k, ctx.problems);
    applyReplacements(resMap.resources, replacements, k.file, ctx.problems);
  }
  resMap.reindex();
}

/**
 * Starts reading and parsing everything `k` includes, recursively, without
 * waiting. The accumulation itself is sequential (kustomize's order matters),
 * so without this the file system would be idle while each file is parsed;
 * with it, reads overlap parsing. Results land in the cache; errors are
 * reported later by the sequential pass that awaits the same promises.
 */
function prefetch(ctx: RenderContext, k: Kustomization): void {
  for (const entry of [...k.resources, ...k.components]) {
    if (isRemoteReference(entry.value)) continue;
    let path: string;
    try {
      path = resolveTreePath(k.dir, entry.value);
    } catch {
      continue;
    }
    if (ctx.prefetched.has(path)) continue;
    ctx.prefetched.add(path);
    ctx.cache
      .stat(ctx.tree, path)
      .then(async type => {
        if (type === 'file') await ctx.cache.load(ctx.tree, path);
        if (type !== 'dir') return;
        const loaded = await ctx.cache.loadKustomization(ctx.tree, path);
        if (loaded.found && loaded.kustomization)
          prefetch(ctx, loaded.kustomization);
      })
      .catch(() => undefined);
  }
}

async function accumulateEntry(
  ctx: RenderContext,
  k: Kustomization,
  entry: Located<string>,
  resMap: ResMap,
  asComponent: boolean,
): Promise<void> {
  const what = asComponent ? 'component' : 'resource';
  if (isRemoteReference(entry.value)) {
    ctx.unresolved.push({
      file: k.file,
      line: entry.line,
      reference: entry.value,
    });
    ctx.problems.push({
      code: 'remote-resource',
      severity: 'warning',
      file: k.file,
      line: entry.line,
      message: `remote ${what} '${entry.value}' is not fetched; its objects are missing from this render`,
    });
    return;
  }
  let path: string;
  let type: TreeEntryType | undefined;
  try {
    path = resolveTreePath(k.dir, entry.value);
    type = await ctx.cache.stat(ctx.tree, path);
  } catch (e) {
    ctx.problems.push(
      treeProblem(e, k.file, entry.line, `${what} '${entry.value}'`),
    );
    return;
  }
  if (type === undefined) {
    ctx.problems.push({
      code: 'file-not-found',
      severity: 'error',
      file: k.file,
      line: entry.line,
      message: `${what} '${entry.value}' does not exist`,
    });
    return;
  }
  if (type === 'file') {
    if (asComponent) {
      ctx.problems.push({
        code: 'component-invalid',
        severity: 'error',
        file: k.file,
        line: entry.line,
        message: `component '${entry.value}' must be a directory with a kind: Component kustomization`,
      });
      return;
    }
    await loadFileResources(ctx, path, k.file, entry.line, resMap);
    return;
  }
  await accumulateDirectory(ctx, path, k.file, entry, resMap, asComponent);
}

async function accumulateDirectory(
  ctx: RenderContext,
  path: string,
  parentFile: string,
  entry: Located<string>,
  resMap: ResMap,
  asComponent: boolean,
): Promise<void> {
  await yieldWhenSliceUsed();
  if (ctx.stack.includes(path)) {
    ctx.problems.push({
      code: 'include-cycle',
      severity: 'error',
      file: parentFile,
      line: entry.line,
      message: `'${entry.value}' includes itself: ${[...ctx.stack, path]
        .map(p => p || '.')
        .join(' -> ')}`,
    });
    return;
  }
  const loaded = await ctx.cache.loadKustomization(ctx.tree, path);
  if (!loaded.found) {
    ctx.problems.push(
      loaded.error
        ? treeProblem(loaded.error, parentFile, entry.line, `'${entry.value}'`)
        : {
            code: 'kustomization-missing',
            severity: 'error',
            file: parentFile,
            line: entry.line,
            message: `directory '${entry.value}' has no kustomization.yaml`,
          },
    );
    return;
  }
  ctx.problems.push(...loaded.problems);
  const sub = loaded.kustomization;
  if (!sub) return;
  if (asComponent !== sub.isComponent) {
    ctx.problems.push({
      code: 'component-invalid',
      severity: 'error',
      file: parentFile,
      line: entry.line,
      message: asComponent
        ? `component '${entry.value}' is not a kind: Component kustomization`
        : `'${entry.value}' is a kind: Component; list it under components, not resources`,
    });
    return;
  }
  if (asComponent) {
    await accumulate(ctx, sub, resMap);
  } else {
    resMap.appendAll(await accumulate(ctx, sub), ctx.problems);
  }
}

/** Expands `kind: List` documents into their items. */
function* expandLists(object: KubeObject): Generator<KubeObject> {
  if (
    typeof object.kind === 'string' &&
    object.kind.endsWith('List') &&
    Array.isArray(object.items)
  ) {
    for (const item of object.items) if (isMap(item)) yield item as KubeObject;
    return;
  }
  yield object;
}

/** Loads the objects of a manifest file (parsed once per cache) into `resMap`. */
export async function loadFileResources(
  ctx: RenderContext,
  path: string,
  fromFile: string,
  fromLine: number,
  resMap: ResMap,
): Promise<void> {
  const cached = await ctx.cache.load(ctx.tree, path);
  if (!cached.ok) {
    ctx.problems.push(
      treeProblem(cached.error, fromFile, fromLine, `resource '${path}'`),
    );
    return;
  }
  ctx.problems.push(...cached.result.problems);
  for (const doc of cached.result.documents) {
    for (const object of expandLists(doc.object)) {
      const name = object.metadata?.name;
      if (
        typeof object.kind !== 'string' ||
        !object.kind ||
        typeof name !== 'string' ||
        !name
      ) {
        ctx.problems.push({
          code: 'manifest-invalid',
          severity: 'error',
          file: path,
          line: doc.line,
          message: 'object needs kind and metadata.name',
        });
        continue;
      }
      const problem = resMap.add(
        new Resource(cloneJson(object), { file: path, line: doc.line }),
      );
      if (problem) ctx.problems.push(problem);
    }
  }
}
