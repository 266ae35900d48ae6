import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { findRepoRoot } from './findRepoRoot';
import { UsageError, candidateRoots, openRepository } from './openRepository';

let work: string;
beforeEach(() => {
  work = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-open-'));
  mkdirSync(nodePath.join(work, 'repo/.git'), { recursive: true });
  mkdirSync(nodePath.join(work, 'repo/clusters/prod'), { recursive: true });
  mkdirSync(nodePath.join(work, 'repo/tenants/team-a'), { recursive: true });
  mkdirSync(nodePath.join(work, 'other'), { recursive: true });
  // a worktree or submodule has a .git file instead of a folder
  mkdirSync(nodePath.join(work, 'sub/deploy'), { recursive: true });
  writeFileSync(nodePath.join(work, 'sub/.git'), 'gitdir: ../x\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('findRepoRoot', () => {
  it('walks up to the folder holding .git (a folder or a file)', () => {
    const repo = nodePath.join(work, 'repo');
    expect(findRepoRoot(nodePath.join(repo, 'clusters/prod'))).toBe(repo);
    expect(findRepoRoot(nodePath.join(work, 'sub/deploy'))).toBe(
      nodePath.join(work, 'sub'),
    );
  });
});

describe('openRepository', () => {
  it('resolves --path inside the git root and maps sources', async () => {
    const repo = openRepository({
      cwd: nodePath.join(work, 'repo/clusters'),
      path: 'prod',
      source: ['team-a=../tenants/team-a', 'apps/team-b=../../other'],
    });
    expect(repo.root).toBe(nodePath.join(work, 'repo'));
    expect(repo.path).toBe('clusters/prod');
    expect(repo.sources[0]).toMatchObject({
      name: 'team-a',
      namespace: undefined,
      dir: 'tenants/team-a',
    });
    expect(repo.sources[0].tree).toBe(repo.tree);
    // outside the root: a tree of its own, so the root's tree never leaves it
    expect(repo.sources[1]).toMatchObject({
      name: 'team-b',
      namespace: 'apps',
      dir: '',
    });
    expect(repo.sources[1].tree.description).toBe(nodePath.join(work, 'other'));
  });

  it('tries the git top level first, then nested folders holding clusters/', () => {
    // the portal's own layout: examples/flux-monorepo inside the portal's git checkout
    const top = nodePath.join(work, 'repo');
    const nested = nodePath.join(top, 'examples/monorepo');
    mkdirSync(nodePath.join(nested, 'clusters/dev'), { recursive: true });
    expect(candidateRoots(nested)).toEqual([top, nested]);
    expect(candidateRoots(nodePath.join(nested, 'clusters/dev'))).toEqual([
      top,
      nested,
    ]);
    expect(
      openRepository({ cwd: top, path: 'examples/monorepo' }),
    ).toMatchObject({
      root: top,
      path: 'examples/monorepo',
    });
    // --root always wins
    expect(candidateRoots(nested, top)).toEqual([top]);
    const explicit = openRepository({
      cwd: work,
      root: 'repo/examples/monorepo',
      path: 'repo/examples/monorepo/clusters/dev',
    });
    expect(explicit.root).toBe(nested);
    expect(explicit.path).toBe('clusters/dev');
    // outside git: --path itself
    expect(candidateRoots(nodePath.join(work, 'other'))).toEqual([
      nodePath.join(work, 'other'),
    ]);
  });

  it('refuses a --path outside --root and a malformed --source', () => {
    expect(() =>
      openRepository({ cwd: work, root: 'repo', path: 'other' }),
    ).toThrow(UsageError);
    expect(() =>
      openRepository({ cwd: work, path: 'repo', source: ['=dir'] }),
    ).toThrow(/NAME=DIR/);
  });
});
