import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { findRepoRoot } from './findRepoRoot';
import { UsageError, openRepository } from './openRepository';

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

  it('takes --path as the root when it holds clusters/, even nested in another checkout', () => {
    // the portal's own layout: examples/flux-monorepo inside the portal's git checkout
    const nested = nodePath.join(work, 'repo/examples/monorepo');
    mkdirSync(nodePath.join(nested, 'clusters/dev'), { recursive: true });
    const atMonorepo = openRepository({
      cwd: nodePath.join(work, 'repo'),
      path: 'examples/monorepo',
    });
    expect(atMonorepo.root).toBe(nested);
    expect(atMonorepo.path).toBe('');
    // a cluster folder inside it has no clusters/ of its own: the git top level, as before
    expect(openRepository({ cwd: nested, path: 'clusters/dev' }).root).toBe(
      nodePath.join(work, 'repo'),
    );
    // --root always wins
    const explicit = openRepository({
      cwd: work,
      root: 'repo',
      path: 'repo/examples/monorepo',
    });
    expect(explicit.root).toBe(nodePath.join(work, 'repo'));
    expect(explicit.path).toBe('examples/monorepo');
    // outside git without clusters/: --path itself
    expect(openRepository({ cwd: work, path: 'other' }).root).toBe(
      nodePath.join(work, 'other'),
    );
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
