import { createMemoryTree } from './memoryTree';
import { resolveTreePath } from './resolveTreePath';
import { TreeError } from './FileTree';

describe('createMemoryTree', () => {
  it('implies directories from file paths', async () => {
    const tree = createMemoryTree({
      'a/b/c.yaml': 'x',
      'a/d.yaml': Buffer.from('y'),
    });
    expect(await tree.readDir('a')).toEqual([
      { name: 'b', type: 'dir' },
      { name: 'd.yaml', type: 'file' },
    ]);
    expect(await tree.stat('a/b')).toBe('dir');
    expect((await tree.readFile('./a/b/c.yaml')).toString()).toBe('x');
    await expect(tree.readFile('a/zz.yaml')).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(tree.readFile('../a/d.yaml')).rejects.toMatchObject({
      code: 'path-escape',
    });
  });

  it('applies the size cap', async () => {
    const tree = createMemoryTree(
      { 'big.yaml': 'x'.repeat(10) },
      { maxFileBytes: 5 },
    );
    await expect(tree.readFile('big.yaml')).rejects.toMatchObject({
      code: 'too-large',
    });
  });
});

describe('resolveTreePath', () => {
  it('joins and normalises', () => {
    expect(resolveTreePath('apps/a', '../b/./x.yaml')).toBe('apps/b/x.yaml');
    expect(resolveTreePath('', './base/')).toBe('base');
    expect(resolveTreePath('apps', '..')).toBe('');
  });

  it('throws path-escape for climbing above the root and absolute paths', () => {
    expect(() => resolveTreePath('apps', '../../etc/passwd')).toThrow(
      TreeError,
    );
    expect(() => resolveTreePath('apps', '/etc/passwd')).toThrow(/absolute/);
    expect(() => resolveTreePath('', 'C:\\x')).toThrow(TreeError);
  });
});
