/**
 * The files of one generated ExternalArtifact, as a FileTree the kustomize
 * layer renders like any source: every file is a copy of a file of another
 * source's tree, read from there on demand. Only what the generator copied
 * exists, so a reference to a file left out fails as it would in Flux.
 */
import {
  compareNames,
  type FileTree,
  TreeError,
  type TreeEntry,
} from '@flux-portal/kustomize';

/** Where an artifact file (or folder) was copied from. */
export interface CopiedFrom {
  tree: FileTree;
  path: string;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class ArtifactTree implements FileTree {
  private readonly files = new Map<string, CopiedFrom>();
  private readonly dirs = new Map<string, Set<string>>([['', new Set()]]);
  private readonly dirOrigins = new Map<string, CopiedFrom>();

  constructor(readonly description: string) {}

  /** Creates a folder (and its parents); `from` records a folder copied whole. */
  addDir(path: string, from?: CopiedFrom): void {
    if (from) this.dirOrigins.set(path, from);
    if (this.dirs.has(path)) return;
    // the root always exists, so this ends
    this.addDir(parentOf(path));
    this.dirs.get(parentOf(path))!.add(baseOf(path));
    this.files.delete(path);
    this.dirs.set(path, new Set());
  }

  /** Places a file; a later copy to the same path overwrites it. */
  addFile(path: string, from: CopiedFrom): void {
    const parent = parentOf(path);
    this.addDir(parent);
    this.dirs.get(parent)!.add(baseOf(path));
    this.files.set(path, from);
  }

  /** The source file (or whole-copied folder) behind an artifact path. */
  copiedFrom(path: string): CopiedFrom | undefined {
    return this.files.get(path) ?? this.dirOrigins.get(path);
  }

  get fileCount(): number {
    return this.files.size;
  }

  async stat(path: string) {
    if (this.files.has(path)) return 'file' as const;
    return this.dirs.has(path) ? ('dir' as const) : undefined;
  }

  async readDir(path: string): Promise<TreeEntry[]> {
    const names = this.dirs.get(path);
    if (!names) {
      throw new TreeError(
        'not-found',
        path,
        `${path}: no such folder in ${this.description}`,
      );
    }
    return [...names].sort(compareNames).map(name => {
      const child = path ? `${path}/${name}` : name;
      return { name, type: this.files.has(child) ? 'file' : 'dir' };
    });
  }

  async readFile(path: string): Promise<Buffer> {
    const from = this.files.get(path);
    if (!from) {
      throw this.dirs.has(path)
        ? new TreeError(
            'not-a-file',
            path,
            `${path} is a folder in ${this.description}`,
          )
        : new TreeError(
            'not-found',
            path,
            `${path}: no such file in ${this.description}`,
          );
    }
    return from.tree.readFile(from.path);
  }
}
