/**
 * Turns the CLI's folder arguments into a tree and load options: the
 * repository root (see candidateRoots), the entry path inside it, and --source NAME=DIR
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
 * The roots Flux paths (`./apps`) may resolve against, in the order to try:
 * --root alone when given; else the git top level containing --path (Flux
 * resolves a Kustomization's path from its source's root, the repository
 * top), then each folder between --path and the top that holds a
 * `clusters/` folder, nearest first (a monorepo nested in another checkout,
 * like the portal's own examples/flux-monorepo); outside git, --path.
 */
export function candidateRoots(absPath: string, root?: string): string[] {
  if (root) return [root];
  const top = findRepoRoot(absPath);
  if (!top) return [absPath];
  const nested: string[] = [];
  for (
    let dir = absPath;
    dir !== top && dir.startsWith(top);
    dir = nodePath.dirname(dir)
  ) {
    if (isDir(nodePath.join(dir, 'clusters'))) nested.push(dir);
  }
  return [top, ...nested];
}

/** Opens the repository at `args.root`, else at the first candidate root. */
export function openRepository(args: RepositoryArgs): OpenedRepository {
  const absPath = nodePath.resolve(args.cwd, args.path ?? '.');
  const root = candidateRoots(
    absPath,
    args.root && nodePath.resolve(args.cwd, args.root),
  )[0];
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
