import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalTree } from './localTree';
import { TreeError } from './FileTree';

describe('createLocalTree', () => {
  let base: string;
  let root: string;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-tree-'));
    root = path.join(base, 'repo');
    fs.mkdirSync(path.join(root, 'apps/a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/a/x.yaml'), 'kind: A\n');
    fs.writeFileSync(path.join(root, 'apps/b.yaml'), 'kind: B\n');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.mkdirSync(path.join(base, 'outside-dir'));
    fs.writeFileSync(path.join(base, 'outside-dir/y.yaml'), 'kind: Y\n');
  });

  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (e) {
      return e instanceof TreeError ? e.code : String(e);
    }
  };

  it('reads files and sorted directory listings', async () => {
    const tree = createLocalTree(root);
    expect((await tree.readFile('apps/a/x.yaml')).toString()).toBe('kind: A\n');
    expect(await tree.readDir('apps')).toEqual([
      { name: 'a', type: 'dir' },
      { name: 'b.yaml', type: 'file' },
    ]);
    expect(await tree.stat('')).toBe('dir');
    expect(await tree.stat('apps/missing')).toBeUndefined();
  });

  it('refuses .. escapes and absolute paths', async () => {
    const tree = createLocalTree(root);
    expect(await codeOf(tree.readFile('../secret.txt'))).toBe('path-escape');
    expect(await codeOf(tree.readFile('apps/../../secret.txt'))).toBe(
      'path-escape',
    );
    expect(await codeOf(tree.readFile(path.join(base, 'secret.txt')))).toBe(
      'path-escape',
    );
  });

  it('refuses symlinks that leave the root but follows those inside', async () => {
    fs.symlinkSync(
      path.join(base, 'secret.txt'),
      path.join(root, 'apps/leak.yaml'),
    );
    fs.symlinkSync(
      path.join(base, 'outside-dir'),
      path.join(root, 'apps/linkdir'),
    );
    fs.symlinkSync(
      path.join(root, 'apps/b.yaml'),
      path.join(root, 'apps/inside.yaml'),
    );
    const tree = createLocalTree(root);
    expect(await codeOf(tree.readFile('apps/leak.yaml'))).toBe(
      'symlink-escape',
    );
    expect(await codeOf(tree.readFile('apps/linkdir/y.yaml'))).toBe(
      'symlink-escape',
    );
    expect((await tree.readFile('apps/inside.yaml')).toString()).toBe(
      'kind: B\n',
    );
    // Escaping links are listed (as files) so readers hit the precise error.
    expect((await tree.readDir('apps')).map(e => e.name)).toContain(
      'leak.yaml',
    );
  });

  it('caps file size and tells missing files from directories', async () => {
    fs.writeFileSync(path.join(root, 'big.yaml'), Buffer.alloc(2048, 'a'));
    const tree = createLocalTree(root, { maxFileBytes: 1024 });
    expect(await codeOf(tree.readFile('big.yaml'))).toBe('too-large');
    expect(await codeOf(tree.readFile('nope.yaml'))).toBe('not-found');
    expect(await codeOf(tree.readFile('apps'))).toBe('not-a-file');
  });
});
