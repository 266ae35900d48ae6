/**
 * Turns the CLI's folder arguments into a tree and load options: the
 * repository root (see defaultRoot), the entry path inside it, and --source NAME=DIR
 * mappings (a folder inside the repository shares its tree; one outside gets
 * a tree of its own, so nothing is ever read outside the given folders).
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileTree, createLocalTree } from '@flux-portal/kustomize';
import type { SourceMapping } from '@flux-portal/flux-engine';
import { findRepoRoot } from './findRepoRoot';

export interface RepositoryArgs {
  cwd: string;
  path?: string;
  root?: string;
  source?: string[];
}

export interface OpenedRepository {
  root: string;
  tree: FileTree;
  path: string;
  sources: SourceMapping[];
}

export class UsageError extends Error {}

function toTreePath(root: string, abs: string): string | undefined {
  const rel = nodePath.relative(root, abs);
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  return rel.split(nodePath.sep).join('/');
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The root Flux paths (`./apps`) resolve against: --root when given; else
 * --path itself when it holds a `clusters/` folder, because that is a
 * monorepo root as the seed lays it out, even when it sits nested inside
 * another git checkout (the portal's own examples/flux-monorepo); else the git
 * top level containing --path; else --path.
 */
export function defaultRoot(absPath: string, root?: string): string {
  if (root) return root;
  if (isDir(nodePath.join(absPath, 'clusters'))) return absPath;
  return findRepoRoot(absPath) ?? absPath;
}

export function openRepository(args: RepositoryArgs): OpenedRepository {
  const absPath = nodePath.resolve(args.cwd, args.path ?? '.');
  const root = defaultRoot(
    absPath,
    args.root && nodePath.resolve(args.cwd, args.root),
  );
  const path = toTreePath(root, absPath);
  if (path === undefined) {
    throw new UsageError(
      `--path ${absPath} is outside the repository root ${root}`,
    );
  }
  const tree = createLocalTree(root);
  const sources: SourceMapping[] = [];
  for (const spec of args.source ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) {
      throw new UsageError(
        `--source must be NAME=DIR or NAMESPACE/NAME=DIR, got '${spec}'`,
      );
    }
    const ref = spec.slice(0, eq);
    const dir = nodePath.resolve(args.cwd, spec.slice(eq + 1));
    const [namespace, name] = ref.includes('/')
      ? ref.split('/', 2)
      : [undefined, ref];
    const inside = toTreePath(root, dir);
    sources.push(
      inside !== undefined
        ? { name, namespace, tree, dir: inside }
        : { name, namespace, tree: createLocalTree(dir), dir: '' },
    );
  }
  return { root, tree, path, sources };
}
