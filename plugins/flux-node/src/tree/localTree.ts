import { constants as fsConstants, promises as fs, Stats } from 'fs';
import * as nodePath from 'path';
import {
  DEFAULT_MAX_FILE_BYTES,
  FileTree,
  TreeEntry,
  TreeEntryType,
  TreeError,
} from './FileTree';
import { normaliseTreePath } from './resolveTreePath';
import { compareNames } from './compareNames';
import { limitConcurrency } from './limitConcurrency';

function isWithin(root: string, candidate: string): boolean {
  return (
    candidate === root ||
    candidate.startsWith(
      root.endsWith(nodePath.sep) ? root : root + nodePath.sep,
    )
  );
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A tree over a local directory. Every access is confined to the root:
 * '..' and absolute paths are refused, and symlinks are followed only when
 * their real target stays inside the root (otherwise 'symlink-escape').
 * Files over `maxFileBytes` (default 5 MiB) are refused with 'too-large'
 * before being read, so a stray dump cannot exhaust memory.
 */
export function createLocalTree(
  rootDir: string,
  options?: { maxFileBytes?: number },
): FileTree {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const absRoot = nodePath.resolve(rootDir);
  let realRoot: Promise<string> | undefined;
  const getRealRoot = () => (realRoot ??= fs.realpath(absRoot));
  // Real paths of directories already checked; most files share a few dirs,
  // so caching keeps confinement to one lstat per file.
  const realDirs = new Map<string, Promise<string>>();

  // Bounded so prefetching renders cannot run out of file descriptors.
  const limit = limitConcurrency(64);

  async function realDir(treeDir: string): Promise<string> {
    let cached = realDirs.get(treeDir);
    if (!cached) {
      cached = (async () => {
        const root = await getRealRoot();
        if (treeDir === '') return root;
        // Build on the parent's real path: one lstat per directory, and a
        // realpath only where a symlink actually is.
        const slash = treeDir.lastIndexOf('/');
        const parentReal = await realDir(
          slash < 0 ? '' : treeDir.slice(0, slash),
        );
        const candidate = nodePath.join(parentReal, treeDir.slice(slash + 1));
        const stats = await fs.lstat(candidate);
        if (!stats.isSymbolicLink()) {
          if (!stats.isDirectory()) {
            throw Object.assign(new Error(`'${treeDir}' is not a directory`), {
              code: 'ENOTDIR',
            });
          }
          return candidate;
        }
        const real = await fs.realpath(candidate);
        if (!isWithin(root, real)) {
          throw new TreeError(
            'symlink-escape',
            treeDir,
            `'${treeDir}' is a symlink leading outside the tree`,
          );
        }
        return real;
      })();
      realDirs.set(treeDir, cached);
      // A failed lookup is not cached: the directory may appear later.
      cached.catch(() => realDirs.delete(treeDir));
    }
    return cached;
  }

  /** Resolves a tree path to confined stats; undefined when it does not exist. */
  async function confinedStat(
    treePath: string,
  ): Promise<{ stats: Stats; abs: string } | undefined> {
    const p = normaliseTreePath(treePath);
    const slash = p.lastIndexOf('/');
    const parent = slash < 0 ? '' : p.slice(0, slash);
    let dirReal: string;
    try {
      dirReal = await realDir(parent);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
    if (p === '') return { stats: await fs.stat(dirReal), abs: dirReal };
    const abs = nodePath.join(dirReal, p.slice(slash + 1));
    let stats: Stats;
    try {
      stats = await fs.lstat(abs);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
    if (!stats.isSymbolicLink()) return { stats, abs };
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch (e) {
      if (isMissing(e)) return undefined; // dangling link
      throw e;
    }
    if (!isWithin(await getRealRoot(), real)) {
      throw new TreeError(
        'symlink-escape',
        p,
        `'${p}' is a symlink leading outside the tree`,
      );
    }
    return { stats: await fs.stat(real), abs: real };
  }

  async function statEntry(path: string): Promise<TreeEntryType | undefined> {
    try {
      const found = await confinedStat(path);
      if (!found) return undefined;
      if (found.stats.isDirectory()) return 'dir';
      return found.stats.isFile() ? 'file' : undefined;
    } catch (e) {
      if (e instanceof TreeError && e.code === 'symlink-escape') {
        // Report escaping links as files so readers try them and get the
        // precise error instead of silently skipping them.
        return 'file';
      }
      throw e;
    }
  }

  return {
    description: absRoot,
    stat: statEntry,

    async readDir(path) {
      const p = normaliseTreePath(path);
      const found = await confinedStat(p);
      if (!found)
        throw new TreeError(
          'not-found',
          p,
          `directory '${p || '.'}' not found`,
        );
      if (!found.stats.isDirectory())
        throw new TreeError('not-found', p, `'${p}' is not a directory`);
      const dirents = await limit(() =>
        fs.readdir(found.abs, { withFileTypes: true }),
      );
      const entries: TreeEntry[] = [];
      for (const d of dirents) {
        let type: TreeEntryType | undefined;
        if (d.isDirectory()) type = 'dir';
        else if (d.isFile()) type = 'file';
        else if (d.isSymbolicLink())
          type = await statEntry(p === '' ? d.name : `${p}/${d.name}`);
        if (type) entries.push({ name: d.name, type });
      }
      return entries.sort((a, b) => compareNames(a.name, b.name));
    },

    async readFile(path) {
      const p = normaliseTreePath(path);
      const slash = p.lastIndexOf('/');
      let dirReal: string;
      try {
        dirReal = await realDir(slash < 0 ? '' : p.slice(0, slash));
      } catch (e) {
        if (isMissing(e))
          throw new TreeError('not-found', p, `file '${p}' not found`);
        throw e;
      }
      return limit(() =>
        readConfinedFile(p, nodePath.join(dirReal, p.slice(slash + 1))),
      );
    },
  };

  /**
   * Opens with O_NOFOLLOW so the common case (a regular file) costs open,
   * fstat, read, close; only a symlink takes the slower checked path.
   */
  async function readConfinedFile(p: string, abs: string): Promise<Buffer> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(
        abs,
        fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW,
      );
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (isMissing(e))
        throw new TreeError('not-found', p, `file '${p}' not found`);
      if (code !== 'ELOOP') throw e;
      const real = await fs.realpath(abs).catch(() => undefined);
      if (real === undefined)
        throw new TreeError('not-found', p, `'${p}' is a dangling symlink`);
      if (!isWithin(await getRealRoot(), real)) {
        throw new TreeError(
          'symlink-escape',
          p,
          `'${p}' is a symlink leading outside the tree`,
        );
      }
      handle = await fs.open(real, fsConstants.O_RDONLY);
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile())
        throw new TreeError('not-a-file', p, `'${p}' is not a regular file`);
      if (stats.size > maxFileBytes) {
        throw new TreeError(
          'too-large',
          p,
          `file '${p}' is ${stats.size} bytes, over the ${maxFileBytes}-byte cap`,
        );
      }
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }
}
