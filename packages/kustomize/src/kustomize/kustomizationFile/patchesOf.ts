import { isMap, JsonMap } from '../json';
import { selectorOf, str } from './fieldReaders';
import type { LocatedListReader } from './locatedList';
import type { Located, PatchEntry } from './types';

/** `patchesStrategicMerge`, `patches` and `patchesJson6902`, in kustomize's order. */
export function patchesOf(
  d: JsonMap,
  located: LocatedListReader,
): Located<PatchEntry>[] {
  // Transformer order inside kustomize: patchesStrategicMerge, then patches;
  // patchesJson6902 runs later (after labels), so it is kept apart.
  return [
    ...located<PatchEntry>(
      'patchesStrategicMerge',
      d.patchesStrategicMerge,
      v => {
        const s = str(v);
        if (s === undefined) return undefined;
        // kustomize tells inline patches from file names by their shape.
        return s.includes('\n') || /^\s*(apiVersion|kind)\s*:/.test(s)
          ? { patch: s, legacy: 'smp' }
          : { path: s, legacy: 'smp' };
      },
    ),
    ...located<PatchEntry>('patches', d.patches, v => {
      if (!isMap(v)) return undefined;
      const entry: PatchEntry = {
        patch: str(v.patch),
        path: str(v.path),
        target: selectorOf(v.target),
      };
      if (isMap(v.options))
        entry.options = {
          allowNameChange: v.options.allowNameChange === true,
          allowKindChange: v.options.allowKindChange === true,
        };
      return entry.patch !== undefined || entry.path !== undefined
        ? entry
        : undefined;
    }),
    ...located<PatchEntry>('patchesJson6902', d.patchesJson6902, v => {
      if (!isMap(v)) return undefined;
      const entry: PatchEntry = {
        patch: str(v.patch),
        path: str(v.path),
        target: selectorOf(v.target),
        legacy: 'json6902',
      };
      return entry.patch !== undefined || entry.path !== undefined
        ? entry
        : undefined;
    }),
  ];
}
