import { FileTree, TreeEntry, createMemoryTree } from '@flux-portal/kustomize';

/**
 * The repository tree as it would be after a change: `files` replace or add
 * to what `base` holds. Used to render the changed monorepo with the engine
 * before anything is pushed.
 */
export function overlayTree(
  base: FileTree,
  files: Record<string, string>,
): FileTree {
  const upper = createMemoryTree(files);
  const listing = async (tree: FileTree, path: string) =>
    (await tree.stat(path)) === 'dir' ? tree.readDir(path) : [];
  return {
    description: `${base.description} (with ${
      Object.keys(files).length
    } changed files)`,
    async stat(path) {
      return (await upper.stat(path)) ?? base.stat(path);
    },
    async readDir(path) {
      const merged = new Map<string, TreeEntry>();
      for (const e of await listing(base, path)) merged.set(e.name, e);
      for (const e of await listing(upper, path)) merged.set(e.name, e);
      if (merged.size === 0) return base.readDir(path);
      // Byte order, like the other trees list their entries.
      return [...merged.values()].sort((a, b) => {
        if (a.name === b.name) return 0;
        return a.name < b.name ? -1 : 1;
      });
    },
    async readFile(path) {
      return (await upper.stat(path)) === 'file'
        ? upper.readFile(path)
        : base.readFile(path);
    },
  };
}
