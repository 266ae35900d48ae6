import {
  DEFAULT_MAX_FILE_BYTES,
  FileTree,
  TreeEntry,
  TreeEntryType,
  TreeError,
} from './FileTree';
import { normaliseTreePath } from './resolveTreePath';
import { compareNames } from './compareNames';

/**
 * An in-memory tree built from a map of tree-relative file paths to content.
 * Directories are implied by the file paths. Useful for tests and for
 * rendering content that does not live on disk (e.g. scaffold previews).
 * @public
 */
export function createMemoryTree(
  files: Record<string, string | Buffer>,
  options?: { maxFileBytes?: number },
): FileTree {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const contents = new Map<string, Buffer>();
  const dirs = new Map<string, Map<string, TreeEntryType>>([['', new Map()]]);

  for (const [rawPath, content] of Object.entries(files)) {
    const path = normaliseTreePath(rawPath);
    contents.set(
      path,
      typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    );
    // Link the entry into its parent, and each new parent into its own,
    // up to the first parent that was already linked.
    let child = path;
    let type: TreeEntryType = 'file';
    for (;;) {
      const slash = child.lastIndexOf('/');
      const parent = slash < 0 ? '' : child.slice(0, slash);
      let entries = dirs.get(parent);
      const known = entries !== undefined;
      if (!entries) {
        entries = new Map();
        dirs.set(parent, entries);
      }
      entries.set(child.slice(slash + 1), type);
      if (known || parent === '') break;
      child = parent;
      type = 'dir';
    }
  }

  const stat = (path: string): TreeEntryType | undefined => {
    const p = normaliseTreePath(path);
    if (contents.has(p)) return 'file';
    if (dirs.has(p)) return 'dir';
    return undefined;
  };

  return {
    description: '<memory>',
    async stat(path) {
      return stat(path);
    },
    async readDir(path) {
      const p = normaliseTreePath(path);
      const entries = dirs.get(p);
      if (!entries) {
        throw new TreeError('not-found', p, `directory '${p}' not found`);
      }
      const list: TreeEntry[] = [...entries].map(([name, type]) => ({
        name,
        type,
      }));
      return list.sort((a, b) => compareNames(a.name, b.name));
    },
    async readFile(path) {
      const p = normaliseTreePath(path);
      const content = contents.get(p);
      if (!content) {
        if (dirs.has(p))
          throw new TreeError('not-a-file', p, `'${p}' is a directory`);
        throw new TreeError('not-found', p, `file '${p}' not found`);
      }
      if (content.length > maxFileBytes) {
        throw new TreeError(
          'too-large',
          p,
          `file '${p}' is ${content.length} bytes, over the ${maxFileBytes}-byte cap`,
        );
      }
      return content;
    },
  };
}
