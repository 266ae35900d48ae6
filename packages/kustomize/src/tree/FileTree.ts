/** Kind of a tree entry. @public */
export type TreeEntryType = 'file' | 'dir';

/** One entry of a directory listing. @public */
export interface TreeEntry {
  name: string;
  type: TreeEntryType;
}

/**
 * A read-only file tree. Paths are POSIX, relative to the tree root, without a
 * leading './'; '' is the root. Implementations never read outside the root.
 * @public
 */
export interface FileTree {
  /** For messages, e.g. the root directory. */
  readonly description: string;
  /** Type of the entry at `path`, or undefined when it does not exist (or is unreadable). */
  stat(path: string): Promise<TreeEntryType | undefined>;
  /** Entries of a directory, sorted by name. Throws TreeError when missing. */
  readDir(path: string): Promise<TreeEntry[]>;
  /** File content. Throws TreeError (with code) on escape, size cap, missing or directory. */
  readFile(path: string): Promise<Buffer>;
}

/** Why a tree refused an access. @public */
export type TreeErrorCode =
  | 'path-escape'
  | 'not-found'
  | 'too-large'
  | 'symlink-escape'
  | 'not-a-file';

/** Error raised by trees; `code` doubles as the EngineProblem code. @public */
export class TreeError extends Error {
  readonly code: TreeErrorCode;
  readonly path: string;

  constructor(code: TreeErrorCode, path: string, message: string) {
    super(message);
    this.name = 'TreeError';
    this.code = code;
    this.path = path;
  }
}

/** Default cap on a single file's size: 5 MiB. @public */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
