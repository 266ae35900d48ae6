import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The git top level containing `dir`: the nearest folder upwards holding a
 * `.git` entry (a folder, or a file for worktrees and submodules). No git
 * binary is needed. Undefined when `dir` is not inside a repository.
 */
export function findRepoRoot(dir: string): string | undefined {
  let current = nodePath.resolve(dir);
  for (;;) {
    if (existsSync(nodePath.join(current, '.git'))) return current;
    const parent = nodePath.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
