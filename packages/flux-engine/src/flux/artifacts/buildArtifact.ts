/**
 * Builds one output artifact of an ArtifactGenerator the way source-watcher
 * stages it: copy operations in order, later ones overwriting earlier ones,
 * with cp-like rules. A glob `from` is matched like Go's fs.Glob (so `**`
 * matches one segment, as `*`); `dir/**` copies the folder's contents, other
 * globs keep the matched path; a plain path copies a file to `to` (or into
 * it when `to` ends with `/` or is a folder) and a folder into `to/<name>`.
 * `exclude` patterns are doublestar globs. Any failed operation fails the
 * whole artifact, as in the controller.
 */
import { posix } from 'node:path';
import type { FileTree } from '@flux-portal/kustomize';
import { ArtifactTree } from './ArtifactTree';
import { hasGlobChars, matchDoublestar, matchSegment } from './glob';
import type { CopyOperation, OutputArtifact } from './readArtifactGenerator';

/** A source's files: a tree and the folder in it that is the source's root. */
export interface SourceRoot {
  tree: FileTree;
  dir: string;
}

export type BuildArtifactResult =
  | { tree: ArtifactTree; warnings: string[] }
  | { error: string; warnings: string[] };

/** Joins and cleans like Go's filepath.Join: '' for the root, no './'. */
function join(...parts: string[]): string {
  const joined = posix.normalize(parts.filter(p => p !== '').join('/') || '.');
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/** The literal folder before the first glob segment ('' when none). */
function selectionRoot(pattern: string): string {
  const literal: string[] = [];
  for (const part of join(pattern).split('/')) {
    if (hasGlobChars(part)) break;
    literal.push(part);
  }
  return literal.join('/');
}

function excluded(path: string, base: string, patterns: string[]): boolean {
  const matches = (p: string) =>
    patterns.some(
      pattern =>
        matchDoublestar(pattern, p) ||
        (!pattern.includes('/') && matchDoublestar(pattern, posix.basename(p))),
    );
  if (matches(path)) return true;
  if (!base || !path.startsWith(`${base}/`)) return false;
  return matches(path.slice(base.length + 1));
}

class ArtifactBuild {
  constructor(
    private readonly artifact: ArtifactTree,
    private readonly sources: ReadonlyMap<string, SourceRoot>,
  ) {}

  private async glob(root: SourceRoot, pattern: string): Promise<string[]> {
    let found = [''];
    for (const segment of join(pattern).split('/')) {
      const next: string[] = [];
      for (const dir of found) {
        if (!hasGlobChars(segment)) {
          const path = join(dir, segment);
          if (await root.tree.stat(join(root.dir, path))) next.push(path);
          continue;
        }
        if ((await root.tree.stat(join(root.dir, dir))) !== 'dir') continue;
        for (const entry of await root.tree.readDir(join(root.dir, dir))) {
          if (matchSegment(segment, entry.name))
            next.push(join(dir, entry.name));
        }
      }
      found = next;
    }
    return found;
  }

  private async copyPath(
    root: SourceRoot,
    path: string,
    dest: string,
    op: CopyOperation,
    excludeBase: string,
  ): Promise<void> {
    const source = join(root.dir, path);
    if ((await root.tree.stat(source)) === 'dir') {
      this.artifact.addDir(dest, { tree: root.tree, path: source });
      for (const entry of await root.tree.readDir(source)) {
        const child = join(path, entry.name);
        if (excluded(child, excludeBase, op.exclude)) continue;
        await this.copyPath(
          root,
          child,
          join(dest, entry.name),
          op,
          excludeBase,
        );
      }
      return;
    }
    this.artifact.addFile(dest, { tree: root.tree, path: source });
  }

  private async isEmptyOrMissing(path: string): Promise<boolean> {
    const type = await this.artifact.stat(path);
    if (type === undefined) return true;
    return type === 'dir' && (await this.artifact.readDir(path)).length === 0;
  }

  /** Applies one operation; returns why it failed, if it did. */
  async apply(op: CopyOperation): Promise<string | undefined> {
    const from = /^@([^/]+)\/(.*)$/.exec(op.from);
    if (!from) return `copy from '${op.from}': must be '@alias/pattern'`;
    const [, alias, pattern] = from;
    if (!op.to.startsWith('@artifact/')) {
      return `copy to '${op.to}': must start with '@artifact/'`;
    }
    const toPath = op.to.slice('@artifact/'.length);
    if (toPath.split('/').includes('..') || toPath.startsWith('/')) {
      return `copy to '${op.to}': must stay within the artifact`;
    }
    const dest = join(toPath);
    const toFolder = op.to.endsWith('/');
    const root = this.sources.get(alias);
    if (!root)
      return `copy from '${op.from}': source alias '${alias}' not found`;

    if (!hasGlobChars(pattern)) {
      const path = join(pattern);
      const type = await root.tree.stat(join(root.dir, path));
      if (!type) {
        return op.optional
          ? undefined
          : `copy from '${op.from}': '${path}' does not exist in @${alias}`;
      }
      if (type === 'dir') {
        await this.copyPath(
          root,
          path,
          join(dest, posix.basename(path)),
          op,
          path,
        );
        return undefined;
      }
      if (excluded(path, '', op.exclude)) return undefined;
      const intoFolder = toFolder || (await this.artifact.stat(dest)) === 'dir';
      const target = intoFolder ? join(dest, posix.basename(path)) : dest;
      this.artifact.addFile(target, {
        tree: root.tree,
        path: join(root.dir, path),
      });
      return undefined;
    }

    const base = selectionRoot(pattern);
    const matches = (await this.glob(root, pattern)).filter(
      m => m !== '' && !excluded(m, base, op.exclude),
    );
    if (matches.length === 0) {
      return op.optional
        ? undefined
        : `copy from '${op.from}': no files match '${pattern}' in @${alias}`;
    }
    const contentsOf = pattern.endsWith('/**')
      ? join(pattern.slice(0, -3))
      : null;
    // the folder whose contents these are stands behind the destination
    if (contentsOf !== null && (await this.isEmptyOrMissing(dest))) {
      this.artifact.addDir(dest, {
        tree: root.tree,
        path: join(root.dir, contentsOf),
      });
    }
    for (const match of matches) {
      const relative =
        contentsOf !== null && match.startsWith(`${contentsOf}/`)
          ? match.slice(contentsOf.length + 1)
          : match;
      await this.copyPath(root, match, join(dest, relative), op, base);
    }
    return undefined;
  }
}

/**
 * Stages `artifact` from `sources` (by alias). Extract (tarballs) is not
 * rendered and Merge is applied as Overwrite; both are reported as warnings.
 */
export async function buildArtifact(
  description: string,
  artifact: OutputArtifact,
  sources: ReadonlyMap<string, SourceRoot>,
): Promise<BuildArtifactResult> {
  const tree = new ArtifactTree(description);
  const build = new ArtifactBuild(tree, sources);
  const warnings: string[] = [];
  for (const op of artifact.copy) {
    if (op.strategy === 'Extract') {
      warnings.push(
        `copy from '${op.from}': the Extract strategy (tarballs) is not rendered; skipped`,
      );
      continue;
    }
    if (op.strategy === 'Merge') {
      warnings.push(
        `copy from '${op.from}': the Merge strategy is applied as Overwrite`,
      );
    }
    const error = await build.apply(op);
    if (error) return { error, warnings };
  }
  return { tree, warnings };
}
