import { startClusterSimulator, ClusterSimulator } from './index';
import {
  client,
  RawWatch,
  readyKustomization,
  watchUrl,
} from './__testUtils__';

const KS = '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations';
const HR = '/apis/helm.toolkit.fluxcd.io/v2/helmreleases';

describe('auth and fault injection', () => {
  let sim: ClusterSimulator;
  afterEach(() => sim?.stop());

  it('answers 401 Unauthorized without or with a wrong bearer token', async () => {
    sim = await startClusterSimulator({
      token: 'secret-token',
      objects: [readyKustomization('apps')],
    });
    expect(sim.token).toBe('secret-token');
    for (const token of ['', 'wrong']) {
      const res = await client(sim, token).get(KS);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    expect((await client(sim).get(KS)).status).toBe(200);
    expect((await client(sim, 'wrong').get('/_simulator/state')).status).toBe(
      401,
    );
  });

  it('generates a random token when none is given', async () => {
    sim = await startClusterSimulator();
    expect(sim.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('forbids one kind with a 403 Status naming the resource and scope', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    sim.faults.forbidKind('HelmRelease');
    const api = client(sim);
    const res = await api.get(
      '/apis/helm.toolkit.fluxcd.io/v2/namespaces/apps/helmreleases',
    );
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('Forbidden');
    expect(res.body.message).toBe(
      'helmreleases.helm.toolkit.fluxcd.io is forbidden: User "system:serviceaccount:flux-portal:flux-portal-reader" cannot list resource "helmreleases" in API group "helm.toolkit.fluxcd.io" in the namespace "apps"',
    );
    expect((await api.get(KS)).status).toBe(200);
    sim.faults.clear();
    expect((await api.get(HR)).status).toBe(200);
  });

  it('fails the next N requests with a 5xx, then serves normally', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    sim.faults.failNext(2, 503);
    const api = client(sim);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await api.get(KS)).status);
    expect(codes).toEqual([503, 503, 200]);
  });

  it('fails every request for a kind until cleared', async () => {
    sim = await startClusterSimulator();
    sim.faults.failKind('helmreleases', 500);
    const api = client(sim);
    const res = await api.get(HR);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'InternalError',
      code: 500,
    });
    expect((await api.get(KS)).status).toBe(200);
    expect(sim.faults.state().failingKinds).toEqual({ helmreleases: 500 });
  });

  it('adds latency to API responses', async () => {
    sim = await startClusterSimulator();
    sim.faults.setLatency(300);
    const started = Date.now();
    expect((await client(sim).get(KS)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('goes down (connections refused, watches cut) and comes back on the same port with its state', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const port = sim.port;
    const watch = new RawWatch(watchUrl(sim, KS), sim.token);
    expect((await watch.next())!.type).toBe('ADDED');
    await sim.down();
    await watch.done;
    expect(watch.ended).toBe(true);
    await expect(fetch(`${sim.url}${KS}`)).rejects.toThrow();
    expect(sim.state().up).toBe(false);
    await sim.up();
    expect(sim.port).toBe(port);
    const res = await client(sim).get(KS);
    expect(res.body.items.map((i: any) => i.metadata.name)).toEqual(['apps']);
  });

  it('drops open watch streams on demand', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const a = new RawWatch(watchUrl(sim, KS), sim.token);
    const b = new RawWatch(watchUrl(sim, HR), sim.token);
    await a.next();
    await new Promise(r => setTimeout(r, 50));
    expect(sim.state().openWatches).toBe(2);
    expect(sim.dropWatches()).toBe(2);
    await Promise.all([a.done, b.done]);
    expect(a.ended && b.ended).toBe(true);
    expect(sim.state().openWatches).toBe(0);
  });

  it('exposes the same controls over the /_simulator admin endpoint', async () => {
    sim = await startClusterSimulator({
      objects: [readyKustomization('apps')],
    });
    const api = client(sim);
    const set = await api.post('/_simulator/faults', {
      latencyMs: 5,
      failNext: { count: 1, code: 502 },
      forbidKinds: ['Kustomization'],
      failKinds: { HelmRelease: 503 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      latencyMs: 5,
      failNextCount: 1,
      failNextCode: 502,
      forbiddenKinds: ['Kustomization'],
    });
    expect((await api.get(KS)).status).toBe(502);
    expect((await api.get(KS)).status).toBe(403);
    expect((await api.get(HR)).status).toBe(503);
    // The admin endpoint itself is never faulted.
    const state = await api.get('/_simulator/state');
    expect(state.body).toMatchObject({ up: true, faults: { latencyMs: 5 } });
    await api.post('/_simulator/faults/clear');
    expect((await api.get(KS)).status).toBe(200);

    const created = await api.post('/_simulator/objects', [
      readyKustomization('added'),
    ]);
    expect(created.status).toBe(200);
    expect(
      (await api.get(KS)).body.items.map((i: any) => i.metadata.name),
    ).toEqual(['added', 'apps']);

    const rv = sim.resourceVersion;
    expect((await api.post('/_simulator/compact')).body).toEqual({
      oldestRetainedResourceVersion: rv,
    });

    const down = await api.post('/_simulator/down?forMs=300');
    expect(down.status).toBe(202);
    await new Promise(r => setTimeout(r, 100));
    await expect(fetch(`${sim.url}/healthz`)).rejects.toThrow();
    let back = false;
    for (let i = 0; i < 200 && !back; i++) {
      await new Promise(r => setTimeout(r, 50));
      back = await fetch(`${sim.url}/healthz`).then(
        r => r.ok,
        () => false,
      );
    }
    expect(back).toBe(true);
  });
});
