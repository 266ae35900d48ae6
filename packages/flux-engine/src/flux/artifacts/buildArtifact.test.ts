import { createMemoryTree, type FileTree } from '@flux-portal/kustomize';
import { ArtifactTree } from './ArtifactTree';
import { buildArtifact, type SourceRoot } from './buildArtifact';
import type { CopyOperation } from './readArtifactGenerator';

const repo = createMemoryTree({
  'deploy/app.yaml': 'a',
  'deploy/svc.yaml': 's',
  'deploy/README.md': 'r',
  'deploy/nested/deep.yaml': 'd',
  'deploy/nested/more/deeper.yaml': 'dd',
  'config/prod/configmap.yaml': 'c',
  'config/prod/secret.yaml': 'x',
});

function op(from: string, to: string, extra: Partial<CopyOperation> = {}) {
  return {
    from,
    to,
    exclude: [],
    strategy: 'Overwrite',
    optional: false,
    ...extra,
  };
}

async function build(
  copy: CopyOperation[],
  sources: Record<string, SourceRoot> = { repo: { tree: repo, dir: '' } },
) {
  const result = await buildArtifact(
    'ExternalArtifact/apps/test',
    { name: 'test', originRevision: null, revision: null, copy },
    new Map(Object.entries(sources)),
  );
  return result;
}

async function files(tree: FileTree, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await tree.readDir(dir)) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.type === 'dir') out.push(...(await files(tree, path)));
    else out.push(path);
  }
  return out;
}

async function built(copy: CopyOperation[]): Promise<ArtifactTree> {
  const result = await build(copy);
  if (!('tree' in result)) throw new Error(result.error);
  return result.tree;
}

describe('buildArtifact (source-watcher copy semantics)', () => {
  it("copies a folder's contents recursively with dir/**", async () => {
    const tree = await built([op('@repo/deploy/**', '@artifact/app/')]);
    expect(await files(tree)).toEqual([
      'app/README.md',
      'app/app.yaml',
      'app/nested/deep.yaml',
      'app/nested/more/deeper.yaml',
      'app/svc.yaml',
    ]);
    expect(await tree.readFile('app/nested/deep.yaml')).toEqual(
      Buffer.from('d'),
    );
    expect(tree.copiedFrom('app/nested/deep.yaml')?.path).toBe(
      'deploy/nested/deep.yaml',
    );
    // the destination folder stands for the folder whose contents it holds
    expect(tree.copiedFrom('app')?.path).toBe('deploy');
  });

  it('matches other globs one segment per * (Go fs.Glob) and keeps the matched path', async () => {
    const tree = await built([op('@repo/deploy/**/*.yaml', '@artifact/out/')]);
    // `**` is `*` here: only deploy/<one folder>/*.yaml matches
    expect(await files(tree)).toEqual(['out/deploy/nested/deep.yaml']);
    const flat = await built([op('@repo/deploy/*.yaml', '@artifact/')]);
    expect(await files(flat)).toEqual(['deploy/app.yaml', 'deploy/svc.yaml']);
  });

  it('renames a single file, or puts it into a folder when to ends with /', async () => {
    const renamed = await built([
      op('@repo/config/prod/configmap.yaml', '@artifact/env.yaml'),
    ]);
    expect(await files(renamed)).toEqual(['env.yaml']);
    const into = await built([
      op('@repo/config/prod/configmap.yaml', '@artifact/env/'),
    ]);
    expect(await files(into)).toEqual(['env/configmap.yaml']);
  });

  it('copies a plain folder path as a subfolder of the destination, like cp -r', async () => {
    const tree = await built([op('@repo/config/prod', '@artifact/cfg/')]);
    expect(await files(tree)).toEqual([
      'cfg/prod/configmap.yaml',
      'cfg/prod/secret.yaml',
    ]);
  });

  it('lets later operations overwrite earlier ones', async () => {
    const tree = await built([
      op('@repo/deploy/app.yaml', '@artifact/x.yaml'),
      op('@repo/deploy/svc.yaml', '@artifact/x.yaml'),
    ]);
    expect(await tree.readFile('x.yaml')).toEqual(Buffer.from('s'));
  });

  it('skips excluded files by path or by file name', async () => {
    const tree = await built([
      op('@repo/deploy/**', '@artifact/', {
        exclude: ['*.md', 'nested/more/**'],
      }),
    ]);
    expect(await files(tree)).toEqual([
      'app.yaml',
      'nested/deep.yaml',
      'svc.yaml',
    ]);
  });

  it('fails the artifact on a missing source path or alias, unless optional', async () => {
    expect(await build([op('@repo/nope/**', '@artifact/')])).toEqual({
      error: "copy from '@repo/nope/**': no files match 'nope/**' in @repo",
      warnings: [],
    });
    expect(await build([op('@other/x', '@artifact/')])).toMatchObject({
      error: expect.stringContaining("source alias 'other' not found"),
    });
    expect(await build([op('@repo/deploy', '@artifact/../x')])).toMatchObject({
      error: expect.stringContaining('must stay within the artifact'),
    });
    const optional = await build([
      op('@repo/nope.yaml', '@artifact/', { optional: true }),
    ]);
    expect('tree' in optional && (await files(optional.tree))).toEqual([]);
  });

  it('reads a source rooted in a folder of its tree', async () => {
    const result = await build([op('@cfg/prod/**', '@artifact/')], {
      cfg: { tree: repo, dir: 'config' },
    });
    expect('tree' in result && (await files(result.tree))).toEqual([
      'configmap.yaml',
      'secret.yaml',
    ]);
  });
});
