import { startClusterSimulator, ClusterSimulator } from './index';
import { RawWatch, readyKustomization, watchUrl } from './__testUtils__';

const KS = '/apis/kustomize.toolkit.fluxcd.io/v1';

describe('watch', () => {
  let sim: ClusterSimulator;
  const watches: RawWatch[] = [];
  afterEach(async () => {
    watches.splice(0).forEach(w => w.close());
    await sim?.stop();
  });

  function open(path: string, params: Record<string, string> = {}) {
    const w = new RawWatch(watchUrl(sim, path, params), sim.token);
    watches.push(w);
    return w;
  }

  function relabel(name: string, labels: Record<string, string>) {
    const current = sim.get(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      'flux-system',
      name,
    )!;
    return sim.upsert({
      ...current,
      metadata: { ...current.metadata, labels },
    });
  }

  it('starts with ADDED for current objects when no resourceVersion is given, then streams changes', async () => {
    sim = await startClusterSimulator({
      objects: [
        readyKustomization('apps'),
        readyKustomization('infrastructure'),
      ],
    });
    const w = open(`${KS}/kustomizations`);
    const first = await w.next();
    const second = await w.next();
    expect(w.status).toBe(200);
    expect([first!.type, second!.type]).toEqual(['ADDED', 'ADDED']);
    expect([first!.object.metadata.name, second!.object.metadata.name]).toEqual(
      ['apps', 'infrastructure'],
    );
    expect(first!.object.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');

    const updated = relabel('apps', { app: 'apps', touched: 'yes' });
    const change = await w.next();
    expect(change!.type).toBe('MODIFIED');
    expect(change!.object.metadata.resourceVersion).toBe(
      updated.metadata!.resourceVersion,
    );
    expect(change!.object.metadata.labels.touched).toBe('yes');

    sim.remove(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      'flux-system',
      'infrastructure',
    );
    const deleted = await w.next();
    expect(deleted!.type).toBe('DELETED');
    expect(deleted!.object.metadata.name).toBe('infrastructure');
  });

  it('replays only the changes after the requested resourceVersion', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const from = sim.resourceVersion;
    sim.upsert(readyKustomization('later'));
    relabel('apps', { app: 'apps', v: '2' });
    const w = open(`${KS}/namespaces/flux-system/kustomizations`, {
      resourceVersion: String(from),
    });
    const a = await w.next();
    const b = await w.next();
    expect([a!.type, a!.object.metadata.name]).toEqual(['ADDED', 'later']);
    expect([b!.type, b!.object.metadata.name]).toEqual(['MODIFIED', 'apps']);
    expect(Number(b!.object.metadata.resourceVersion)).toBeGreaterThan(
      Number(a!.object.metadata.resourceVersion),
    );
    expect(await w.next(200)).toBeUndefined();
  });

  it('sends an ERROR event with a 410 Status for a resourceVersion older than the retained history', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
      historyLimit: 3,
    });
    const old = sim.resourceVersion;
    for (let i = 0; i < 5; i++) relabel('apps', { app: 'apps', i: String(i) });
    const w = open(`${KS}/kustomizations`, { resourceVersion: String(old) });
    const e = await w.next();
    expect(w.status).toBe(200);
    expect(e).toEqual({
      type: 'ERROR',
      object: expect.objectContaining({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
      }),
    });
    expect(e!.object.message).toMatch(
      /^too old resource version: \d+ \(\d+\)$/,
    );
    await w.done;
    expect(w.ended).toBe(true);

    // A resourceVersion inside the window still works.
    const recent = open(`${KS}/kustomizations`, {
      resourceVersion: String(sim.resourceVersion - 2),
    });
    expect((await recent.next())!.type).toBe('MODIFIED');
  });

  it('answers a resourceVersion from the future with a 504 ERROR event', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const w = open(`${KS}/kustomizations`, { resourceVersion: '999999' });
    const e = await w.next();
    expect(e!.type).toBe('ERROR');
    expect(e!.object).toMatchObject({
      kind: 'Status',
      code: 504,
      reason: 'Timeout',
      message: `Too large resource version: 999999, current: ${sim.resourceVersion}`,
    });
    await w.done;
    expect(w.ended).toBe(true);
  });

  it('makes every earlier resourceVersion too old after compactHistory()', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps'), readyKustomization('infra')],
    });
    const before = sim.resourceVersion;
    sim.compactHistory();
    const w = open(`${KS}/kustomizations`, {
      resourceVersion: String(before - 1),
    });
    expect((await w.next())!.object.code).toBe(410);
    const current = open(`${KS}/kustomizations`, {
      resourceVersion: String(before),
    });
    relabel('apps', { app: 'apps', after: 'compaction' });
    expect((await current.next())!.type).toBe('MODIFIED');
  });

  it('sends BOOKMARK events with the latest resourceVersion when allowed', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
      bookmarkIntervalMs: 50,
    });
    const w = open(`${KS}/kustomizations`, {
      resourceVersion: String(sim.resourceVersion),
      allowWatchBookmarks: 'true',
    });
    const bookmark = await w.next(2000);
    expect(bookmark).toEqual({
      type: 'BOOKMARK',
      object: {
        kind: 'Kustomization',
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        metadata: { resourceVersion: String(sim.resourceVersion) },
      },
    });
    const without = open(`${KS}/kustomizations`, {
      resourceVersion: String(sim.resourceVersion),
    });
    expect(await without.next(300)).toBeUndefined();
  });

  it('ends the stream after timeoutSeconds', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const w = open(`${KS}/kustomizations`, {
      resourceVersion: String(sim.resourceVersion),
      timeoutSeconds: '1',
    });
    await w.done;
    expect(w.ended).toBe(true);
  });

  it('turns objects entering or leaving a label selector into ADDED and DELETED', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const w = open(`${KS}/kustomizations`, {
      resourceVersion: String(sim.resourceVersion),
      labelSelector: 'team=a',
    });
    relabel('apps', { app: 'apps', team: 'a' });
    expect((await w.next())!.type).toBe('ADDED');
    relabel('apps', { app: 'apps', team: 'a', extra: '1' });
    expect((await w.next())!.type).toBe('MODIFIED');
    relabel('apps', { app: 'apps', team: 'b' });
    expect((await w.next())!.type).toBe('DELETED');
    relabel('apps', { app: 'apps', team: 'c' });
    expect(await w.next(200)).toBeUndefined();
  });

  it('rejects a malformed resourceVersion with 400 before streaming', async () => {
    sim = await startClusterSimulator();
    const res = await fetch(
      watchUrl(sim, `${KS}/kustomizations`, { resourceVersion: 'abc' }),
      {
        headers: { Authorization: `Bearer ${sim.token}` },
      },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).reason).toBe('BadRequest');
  });
});
