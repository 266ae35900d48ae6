import { EngineProblem } from '../../problems';
import { FileTree } from '../../tree';
import { cloneJson, isMap, JsonMap } from '../json';
import { Located, PatchEntry } from '../kustomizationFile';
import { splitApiVersion } from '../resId';
import { ResMap } from '../ResMap';
import { Resource } from '../Resource';
import { applyJsonPatch, JsonPatchError } from './json6902';
import { loadPatch, LoadedPatch, PatchParser } from './loadPatch';
import { compileSelector } from './selector';
import { isBuiltinGroup, strategicMerge } from './strategicMerge';

/** Where a kustomization's patches come from (for paths and messages). */
export interface PatchSource {
  tree: FileTree;
  file: string;
  dir: string;
  /** parses patches once per content (the load's ManifestCache) */
  parser?: PatchParser;
}

/** Applies patch entries in order to the resources of `resMap`. */
export async function applyPatches(
  resMap: ResMap,
  entries: Located<PatchEntry>[],
  source: PatchSource,
  problems: EngineProblem[],
): Promise<void> {
  for (const { value: entry, line: entryLine } of entries) {
    // Overlay patches from a Flux Kustomization have no line in the folder.
    const line = entryLine > 0 ? entryLine : undefined;
    const patch = await loadPatch(
      source.tree,
      entry,
      source.file,
      source.dir,
      line,
      problems,
      source.parser,
    );
    if (!patch) continue;
    let targets: Resource[] | undefined;
    if (entry.target) {
      try {
        const matches = compileSelector(entry.target);
        targets = resMap.resources.filter(matches);
      } catch (e) {
        problems.push({
          code: 'patch-invalid',
          severity: 'error',
          file: source.file,
          line,
          message: `patch target: ${(e as Error).message}`,
        });
        continue;
      }
      if (targets.length === 0) {
        problems.push({
          code: 'patch-no-match',
          severity: 'warning',
          file: source.file,
          line,
          message: `patch target ${JSON.stringify(
            entry.target,
          )} matches no object`,
        });
        continue;
      }
    }
    if (patch.type === 'json6902') {
      if (!targets) {
        problems.push({
          code: 'patch-invalid',
          severity: 'error',
          file: source.file,
          line,
          message: 'a JSON 6902 patch needs a target',
        });
        continue;
      }
      for (const r of targets) applyJson(r, patch, problems);
      continue;
    }
    for (const doc of patch.docs) {
      const selected =
        targets ?? resMap.resources.filter(r => matchesPatchId(r, doc));
      if (selected.length === 0) {
        problems.push({
          code: 'patch-no-match',
          severity: 'error',
          file: patch.file,
          line: patch.line,
          message: `strategic merge patch for ${String(doc.kind)} '${String(
            (doc.metadata as JsonMap | undefined)?.name,
          )}' matches no object`,
        });
        continue;
      }
      for (const r of selected) applySmp(resMap, r, doc, entry);
    }
  }
  resMap.reindex();
}

/** Patches without a target apply to the object with their own id (any of its past names). */
function matchesPatchId(r: Resource, doc: JsonMap): boolean {
  const meta = isMap(doc.metadata) ? doc.metadata : {};
  if (doc.kind !== r.kind) return false;
  if (
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion !== r.object.apiVersion
  )
    return false;
  if (typeof meta.name !== 'string' || !r.hadName(meta.name)) return false;
  return r.hadNamespace(
    typeof meta.namespace === 'string' ? meta.namespace : '',
  );
}

function applySmp(
  resMap: ResMap,
  r: Resource,
  doc: JsonMap,
  entry: PatchEntry,
): void {
  if (doc.$patch === 'delete') {
    resMap.remove(r);
    return;
  }
  const patch: JsonMap = { ...doc };
  // The patch names its target; it must not rename it unless asked to.
  if (!entry.options?.allowKindChange) {
    delete patch.kind;
    delete patch.apiVersion;
  }
  if (isMap(patch.metadata)) {
    const meta = { ...patch.metadata };
    const newName = meta.name;
    delete meta.name;
    delete meta.namespace;
    patch.metadata = meta;
    if (
      entry.options?.allowNameChange &&
      typeof newName === 'string' &&
      newName !== r.name
    )
      r.setName(newName);
  }
  const { group } = splitApiVersion(r.object.apiVersion);
  r.object = strategicMerge(r.object, patch, r.kind, isBuiltinGroup(group));
}

function applyJson(
  r: Resource,
  patch: LoadedPatch & { type: 'json6902' },
  problems: EngineProblem[],
): void {
  const before = r.name;
  // Work on a copy: a failing operation must not leave half a patch behind.
  const copy = cloneJson(r.object);
  try {
    applyJsonPatch(copy, patch.ops);
    r.object = copy;
  } catch (e) {
    problems.push({
      code: 'patch-failed',
      severity: 'error',
      file: patch.file,
      line: patch.line,
      message: `JSON patch on ${r.kind} '${r.name}': ${
        e instanceof JsonPatchError ? e.message : String(e)
      }`,
    });
    return;
  }
  const after = r.object.metadata?.name;
  if (typeof after === 'string' && after !== before) {
    // Keep the rename history so name references follow it.
    r.metadata().name = before;
    r.setName(after);
  }
}
