import * as fs from 'fs';
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

function isWithin(root: string, candidate: string): boolean {
  return (
    candidate === root ||
    candidate.startsWith(
      root.endsWith(nodePath.sep) ? root : root + nodePath.sep,
    )
  );
}

function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

function isMissing(e: unknown): boolean {
  const code = errnoOf(e);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** File system operations between two yields to the event loop. */
const OPERATIONS_PER_YIELD = 128;

/**
 * A tree over a local directory. Every access is confined to the root:
 * '..' and absolute paths are refused, and symlinks are followed only when
 * their real target stays inside the root (otherwise 'symlink-escape').
 * Files over `maxFileBytes` (default 5 MiB) are refused with 'too-large'
 * before being read, so a stray dump cannot exhaust memory.
 *
 * Why synchronous system calls behind an async interface: a load reads tens
 * of thousands of small, usually cached files, and each thread-pool round
 * trip of the promise API costs more than the read itself (measured: the
 * same 60,000-file render took about twice the CPU). The tree yields to the
 * event loop every few operations so a server stays responsive.
 * @public
 */
export function createLocalTree(
  rootDir: string,
  options?: { maxFileBytes?: number },
): FileTree {
  const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const absRoot = nodePath.resolve(rootDir);
  let realRoot: string | undefined;
  const getRealRoot = () => (realRoot ??= fs.realpathSync(absRoot));
  // Real paths of directories already checked: one lstat per directory.
  const realDirs = new Map<string, string>();
  let operations = 0;

  const pace = async () => {
    if (++operations % OPERATIONS_PER_YIELD === 0) {
      await new Promise(resolve => setImmediate(resolve));
    }
  };

  const escape = (p: string) =>
    new TreeError(
      'symlink-escape',
      p,
      `'${p}' is a symlink leading outside the tree`,
    );

  /** Real path of a tree directory, built on its parent's; throws ENOENT/ENOTDIR. */
  function realDir(treeDir: string): string {
    if (treeDir === '') return getRealRoot();
    const cached = realDirs.get(treeDir);
    if (cached) return cached;
    const slash = treeDir.lastIndexOf('/');
    const parentReal = realDir(slash < 0 ? '' : treeDir.slice(0, slash));
    const candidate = nodePath.join(parentReal, treeDir.slice(slash + 1));
    const stats = fs.lstatSync(candidate);
    let real = candidate;
    if (stats.isSymbolicLink()) {
      real = fs.realpathSync(candidate);
      if (!isWithin(getRealRoot(), real)) throw escape(treeDir);
      if (!fs.statSync(real).isDirectory()) {
        throw Object.assign(new Error(`'${treeDir}' is not a directory`), {
          code: 'ENOTDIR',
        });
      }
    } else if (!stats.isDirectory()) {
      throw Object.assign(new Error(`'${treeDir}' is not a directory`), {
        code: 'ENOTDIR',
      });
    }
    realDirs.set(treeDir, real);
    return real;
  }

  /** Absolute path of a tree entry inside its real parent; undefined when the parent is missing. */
  function entryPath(p: string): string | undefined {
    const slash = p.lastIndexOf('/');
    try {
      const dirReal = realDir(slash < 0 ? '' : p.slice(0, slash));
      return p === '' ? dirReal : nodePath.join(dirReal, p.slice(slash + 1));
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  /** Confined stats of a tree path (following inside symlinks); undefined when missing. */
  function confinedStat(
    p: string,
  ): { stats: fs.Stats; abs: string } | undefined {
    const abs = entryPath(p);
    if (abs === undefined) return undefined;
    const stats = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!stats) return undefined;
    if (!stats.isSymbolicLink()) return { stats, abs };
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch (e) {
      if (isMissing(e)) return undefined; // dangling link
      throw e;
    }
    if (!isWithin(getRealRoot(), real)) throw escape(p);
    return { stats: fs.statSync(real), abs: real };
  }

  function statEntry(p: string): TreeEntryType | undefined {
    try {
      const found = confinedStat(p);
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

  /**
   * Opens with O_NOFOLLOW so a regular file costs open, fstat, read and
   * close; only a symlink takes the checked path.
   */
  function readConfinedFile(p: string): Buffer {
    const abs = entryPath(p);
    if (abs === undefined)
      throw new TreeError('not-found', p, `file '${p}' not found`);
    let fd: number;
    try {
      fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    } catch (e) {
      if (isMissing(e))
        throw new TreeError('not-found', p, `file '${p}' not found`);
      if (errnoOf(e) !== 'ELOOP') throw e;
      let real: string;
      try {
        real = fs.realpathSync(abs);
      } catch {
        throw new TreeError('not-found', p, `'${p}' is a dangling symlink`);
      }
      if (!isWithin(getRealRoot(), real)) throw escape(p);
      fd = fs.openSync(real, fs.constants.O_RDONLY);
    }
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile())
        throw new TreeError('not-a-file', p, `'${p}' is not a regular file`);
      if (stats.size > maxFileBytes) {
        throw new TreeError(
          'too-large',
          p,
          `file '${p}' is ${stats.size} bytes, over the ${maxFileBytes}-byte cap`,
        );
      }
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  return {
    description: absRoot,

    async stat(path) {
      await pace();
      return statEntry(normaliseTreePath(path));
    },

    async readDir(path) {
      await pace();
      const p = normaliseTreePath(path);
      const found = confinedStat(p);
      if (!found)
        throw new TreeError(
          'not-found',
          p,
          `directory '${p || '.'}' not found`,
        );
      if (!found.stats.isDirectory()) {
        throw new TreeError('not-found', p, `'${p}' is not a directory`);
      }
      const entries: TreeEntry[] = [];
      for (const d of fs.readdirSync(found.abs, { withFileTypes: true })) {
        let type: TreeEntryType | undefined;
        if (d.isDirectory()) type = 'dir';
        else if (d.isFile()) type = 'file';
        else if (d.isSymbolicLink())
          type = statEntry(p === '' ? d.name : `${p}/${d.name}`);
        if (type) entries.push({ name: d.name, type });
      }
      return entries.sort((a, b) => compareNames(a.name, b.name));
    },

    async readFile(path) {
      await pace();
      return readConfinedFile(normaliseTreePath(path));
    },
  };
}
