/**
 * Loads with a ParseCache kept between them (the catalog provider's re-read
 * after a push) give exactly the model a fresh load gives, and see changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { createMemoryTree, ParseCache } from '@flux-portal/kustomize';
import { loadMonorepo } from './loadMonorepo';
import { FIXTURES } from './__testUtils__/loadFixture';

function filesOf(fixture: string): Record<string, Buffer> {
  const root = nodePath.join(FIXTURES, fixture);
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(root, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const abs = nodePath.join(entry.parentPath, entry.name);
    files[nodePath.relative(root, abs)] = readFileSync(abs);
  }
  return files;
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('loadMonorepo with a ParseCache', () => {
  it.each(readdirSync(FIXTURES))(
    '%s: a cached re-load equals a fresh load',
    async fixture => {
      const files = filesOf(fixture);
      const fresh = json(await loadMonorepo(createMemoryTree(files)));
      const cache = new ParseCache();
      const first = await loadMonorepo(createMemoryTree(files), {
        parseCache: cache,
      });
      expect(json(first)).toEqual(fresh);
      const second = await loadMonorepo(createMemoryTree(files), {
        parseCache: cache,
      });
      expect(json(second)).toEqual(fresh);
      expect(cache.stats().misses).toBe(0);
      expect(cache.stats().hits).toBeGreaterThan(0);
    },
  );

  it('a changed file is parsed again and its change is in the model', async () => {
    const files = filesOf('kustomize-helm');
    const cache = new ParseCache();
    await loadMonorepo(createMemoryTree(files), { parseCache: cache });
    const [path] = Object.keys(files).filter(p =>
      /apps\/base\/podinfo\/release\.yaml$/.test(p),
    );
    const changed = {
      ...files,
      [path]: Buffer.from(
        files[path].toString('utf8').replace('tag: 7.0.6', 'tag: 7.2.0'),
      ),
    };
    const model = await loadMonorepo(createMemoryTree(changed), {
      parseCache: cache,
    });
    expect(cache.stats().misses).toBe(1);
    const podinfo = model.helmReleases.filter(h => h.name === 'podinfo');
    expect(podinfo.length).toBeGreaterThan(0);
    for (const release of podinfo)
      expect(json(release)).toMatchObject({
        values: { redis: { tag: '7.2.0' } },
      });
  });

  it('a changed patch is parsed again and applied; an unchanged one is reused', async () => {
    const files = filesOf('kustomize-helm');
    const cache = new ParseCache();
    const path = 'apps/production/podinfo-values.yaml';
    const replicas = async (text: string) => {
      const model = await loadMonorepo(
        createMemoryTree({ ...files, [path]: Buffer.from(text) }),
        { parseCache: cache },
      );
      return model.helmReleases
        .filter(h => h.name === 'podinfo')
        .map(h => [h.cluster, (h.values as any).replicaCount]);
    };
    const original = files[path].toString('utf8');
    expect(await replicas(original)).toEqual(
      expect.arrayContaining([['production', 3]]),
    );
    expect(
      await replicas(original.replace('replicaCount: 3', 'replicaCount: 7')),
    ).toEqual(expect.arrayContaining([['production', 7]]));
    // the patch file alone was parsed again
    expect(cache.stats().misses).toBe(1);
    expect(await replicas(original)).toEqual(
      expect.arrayContaining([['production', 3]]),
    );
  });
});
