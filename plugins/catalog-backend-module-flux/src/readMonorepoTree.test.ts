/*
 * Reading a URL target with Backstage's real UrlReader (the Gitea reader)
 * against a loopback Gitea: the one-pass archive read gives exactly the
 * files `files()` gives, at the repository root and below it.
 */
import { ConfigReader } from '@backstage/config';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import type { FileTree } from '@flux-portal/kustomize';
import { readMonorepoTree } from './readMonorepoTree';
import { EXAMPLE_MONOREPO } from './__testUtils__/exampleMonorepo';
import { GiteaServer, startGiteaServer } from './__testUtils__/giteaServer';

/** Every file of a tree, path → content. */
async function contentOf(
  tree: FileTree,
  dir = '',
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await tree.readDir(dir)) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.type === 'dir')
      for (const [p, c] of await contentOf(tree, path)) out.set(p, c);
    else out.set(path, (await tree.readFile(path)).toString('utf8'));
  }
  return out;
}

describe('readMonorepoTree with a forge serving tar archives', () => {
  let gitea: GiteaServer;
  beforeAll(async () => {
    gitea = await startGiteaServer('acme/platform', EXAMPLE_MONOREPO);
  });
  afterAll(() => gitea.close());

  const setup = () => {
    const config = new ConfigReader({
      integrations: { gitea: [gitea.integration] },
    });
    return {
      reader: UrlReaders.default({
        config,
        logger: mockServices.logger.mock(),
      }),
      integrations: ScmIntegrations.fromConfig(config),
    };
  };

  it.each([
    ['the repository root', ''],
    ['a folder below the root', '/apps'],
  ])('reads the archive in one pass as files() does, at %s', async (_, sub) => {
    const { reader, integrations } = setup();
    const target = `${gitea.treeUrl('acme/platform')}${sub}`;
    const fast = await readMonorepoTree(target, reader, undefined, {
      integrations,
    });
    const slow = await readMonorepoTree(target, reader);
    if (fast.status !== 'read' || slow.status !== 'read')
      throw new Error('not read');
    const files = await contentOf(fast.tree);
    expect(files.size).toBeGreaterThan(sub ? 100 : 300);
    expect(files).toEqual(await contentOf(slow.tree));
    expect(fast.etag).toBe(slow.etag);
    const django = sub
      ? 'django/kustomization.yaml'
      : 'apps/django/kustomization.yaml';
    expect(files.has(django)).toBe(true);
  });
});
