/**
 * `flux-portal diff --base <git ref|dir>`: renders the base and the working
 * tree the same way and prints what changes per Flux Kustomization and
 * HelmRelease. A git ref is read with `git archive` into a temp folder
 * (read-only for the repository); a folder is taken as the same repository
 * in another state.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import {
  formatModelDiff,
  isEmptyDiff,
  loadMonorepo,
  type ModelDiff,
  type MonorepoModel,
  type SourceMapping,
} from '@flux-portal/flux-engine';
import { createLocalTree } from '@flux-portal/kustomize';
import type { CommandOutput } from './commands';
import { findRepoRoot } from './findRepoRoot';
import type { LoadedRepository } from './loadRepository';
import { UsageError } from './openRepository';

export type DiffFormat = 'text' | 'json' | 'markdown';

const isDir = (path: string) =>
  statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The base tree's root folder, and what to remove afterwards. */
function checkoutBase(
  base: string,
  cwd: string,
  headRoot: string,
): { root: string; cleanup: () => void } {
  const asDir = nodePath.resolve(cwd, base);
  if (isDir(asDir)) return { root: asDir, cleanup: () => {} };
  const top = findRepoRoot(headRoot);
  if (!top) {
    throw new UsageError(
      `--base ${base}: not a folder, and ${headRoot} is not in a git repository`,
    );
  }
  const tmp = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-base-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const tar = execFileSync(
      'git',
      ['-C', top, 'archive', '--format=tar', base],
      {
        maxBuffer: 2 ** 31 - 1,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    execFileSync('tar', ['-x', '-C', tmp], { input: tar });
  } catch (error) {
    cleanup();
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new UsageError(
      `--base ${base}: not a folder, and git cannot read that revision${
        stderr ? ` (${stderr})` : ''
      }`,
    );
  }
  return {
    root: nodePath.join(tmp, nodePath.relative(top, headRoot)),
    cleanup,
  };
}

export async function loadBase(
  base: string,
  cwd: string,
  head: LoadedRepository,
): Promise<MonorepoModel> {
  const { root, cleanup } = checkoutBase(base, cwd, head.repo.root);
  try {
    const tree = createLocalTree(root);
    // sources inside the repository follow it to the base; outside ones stay
    const sources: SourceMapping[] = head.repo.sources.map(s =>
      s.tree === head.repo.tree ? { ...s, tree } : s,
    );
    return await loadMonorepo(tree, { path: head.repo.path, sources });
  } finally {
    cleanup();
  }
}

export function diffOutput(
  diff: ModelDiff,
  base: string,
  format: DiffFormat,
): CommandOutput {
  const stdout =
    format === 'json'
      ? `${JSON.stringify(diff, null, 2)}\n`
      : formatModelDiff(diff, base, format);
  return { stdout, stderr: '', code: isEmptyDiff(diff) ? 0 : 1 };
}
