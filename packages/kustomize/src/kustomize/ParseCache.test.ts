import { ParseCache } from './ParseCache';

const deployment = (replicas: number) =>
  Buffer.from(
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n`,
  );

describe('ParseCache', () => {
  it('parses a file again only when its content changed, and keeps what the last load used', () => {
    const cache = new ParseCache();
    cache.beginLoad();
    const first = cache.parseManifests(deployment(1), 'app/deployment.yaml');
    cache.parseManifests(deployment(1), 'other/deployment.yaml');
    cache.endLoad();
    expect(first.documents[0].object.spec).toEqual({ replicas: 1 });
    expect(cache.stats()).toEqual({ hits: 0, misses: 2, entries: 2 });

    cache.beginLoad();
    // same path, same bytes: the very same result, not parsed again
    expect(cache.parseManifests(deployment(1), 'app/deployment.yaml')).toBe(
      first,
    );
    cache.endLoad();
    // 'other/…' was not used by this load: dropped
    expect(cache.stats()).toEqual({ hits: 1, misses: 0, entries: 1 });

    cache.beginLoad();
    const changed = cache.parseManifests(deployment(3), 'app/deployment.yaml');
    cache.endLoad();
    expect(changed).not.toBe(first);
    expect(changed.documents[0].object.spec).toEqual({ replicas: 3 });
    expect(cache.stats()).toEqual({ hits: 0, misses: 1, entries: 1 });
  });

  it('keeps kustomization files with their problems, and their line numbers', () => {
    const cache = new ParseCache();
    const bytes = Buffer.from('resources:\n  - a.yaml\nvars: []\n');
    cache.beginLoad();
    const parsed = cache.parseKustomization(
      bytes,
      'app/kustomization.yaml',
      'app',
    );
    expect(parsed.kustomization?.resources).toHaveLength(1);
    expect(parsed.problems.map(p => [p.file, p.line])).toEqual([
      ['app/kustomization.yaml', 3],
    ]);
    expect(
      cache.parseKustomization(bytes, 'app/kustomization.yaml', 'app'),
    ).toBe(parsed);
    cache.endLoad();
  });
});
