import { startClusterSimulator, ClusterSimulator } from './index';
import { client, readyKustomization } from './__testUtils__';

const KS = '/apis/kustomize.toolkit.fluxcd.io/v1';

describe('list and get', () => {
  let sim: ClusterSimulator;
  afterEach(() => sim?.stop());

  async function start() {
    sim = await startClusterSimulator({
      objects: [
        readyKustomization('infrastructure'),
        readyKustomization('apps'),
        {
          ...readyKustomization('podinfo', 'team-a'),
          metadata: {
            name: 'podinfo',
            namespace: 'team-a',
            labels: { app: 'podinfo', tier: 'apps' },
          },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'podinfo', namespace: 'team-a' },
          spec: { replicas: 2 },
        },
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: 'apps.1', namespace: 'flux-system' },
          involvedObject: {
            kind: 'Kustomization',
            name: 'apps',
            namespace: 'flux-system',
          },
          reason: 'ReconciliationSucceeded',
          type: 'Normal',
        },
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: 'infrastructure.1', namespace: 'flux-system' },
          involvedObject: {
            kind: 'Kustomization',
            name: 'infrastructure',
            namespace: 'flux-system',
          },
          reason: 'BuildFailed',
          type: 'Warning',
        },
      ],
    });
    return client(sim);
  }

  it('lists across all namespaces and per namespace with the list resourceVersion', async () => {
    const api = await start();
    const all = await api.get(`${KS}/kustomizations`);
    expect(all.status).toBe(200);
    expect(all.body.kind).toBe('KustomizationList');
    expect(all.body.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
    expect(
      all.body.items.map(
        (i: any) => `${i.metadata.namespace}/${i.metadata.name}`,
      ),
    ).toEqual([
      'flux-system/apps',
      'flux-system/infrastructure',
      'team-a/podinfo',
    ]);
    expect(all.body.metadata.resourceVersion).toBe(String(sim.resourceVersion));
    // Custom resources keep apiVersion/kind on items.
    expect(all.body.items[0].kind).toBe('Kustomization');

    const ns = await api.get(`${KS}/namespaces/team-a/kustomizations`);
    expect(ns.body.items.map((i: any) => i.metadata.name)).toEqual(['podinfo']);
  });

  it('gets one object and answers NotFound with a Status for a missing one', async () => {
    const api = await start();
    const got = await api.get(
      `${KS}/namespaces/flux-system/kustomizations/apps`,
    );
    expect(got.body.metadata).toMatchObject({ name: 'apps', generation: 1 });
    expect(got.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.body.status.conditions[0].type).toBe('Ready');

    const missing = await api.get(
      `${KS}/namespaces/flux-system/kustomizations/nope`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'kustomizations.kustomize.toolkit.fluxcd.io "nope" not found',
      reason: 'NotFound',
      details: {
        name: 'nope',
        group: 'kustomize.toolkit.fluxcd.io',
        kind: 'kustomizations',
      },
      code: 404,
    });
  });

  it('serves an object at every served version of its group', async () => {
    const api = await start();
    const old = await api.get(
      '/apis/kustomize.toolkit.fluxcd.io/v1beta2/namespaces/flux-system/kustomizations/apps',
    );
    expect(old.body.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1beta2');
    expect(old.body.metadata.name).toBe('apps');
  });

  it('filters by labelSelector (equality and set-based) and fieldSelector', async () => {
    const api = await start();
    const names = async (query: string) =>
      (await api.get(`${KS}/kustomizations?${query}`)).body.items.map(
        (i: any) => i.metadata.name,
      );
    expect(await names('labelSelector=tier%3Dapps')).toEqual(['podinfo']);
    expect(
      await names(
        `labelSelector=${encodeURIComponent('app in (apps,infrastructure)')}`,
      ),
    ).toEqual(['apps', 'infrastructure']);
    expect(await names(`labelSelector=${encodeURIComponent('!tier')}`)).toEqual(
      ['apps', 'infrastructure'],
    );
    expect(
      await names(`labelSelector=${encodeURIComponent('app!=apps')}`),
    ).toEqual(['infrastructure', 'podinfo']);
    expect(await names('fieldSelector=metadata.name%3Dapps')).toEqual(['apps']);
    expect(await names('fieldSelector=metadata.namespace%3Dteam-a')).toEqual([
      'podinfo',
    ]);
    expect(
      await names(
        `fieldSelector=${encodeURIComponent(
          'metadata.namespace!=team-a,metadata.name==infrastructure',
        )}`,
      ),
    ).toEqual(['infrastructure']);

    const bad = await api.get(
      `${KS}/kustomizations?fieldSelector=spec.path%3Dx`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('field label not supported: spec.path');
  });

  it('filters events by involvedObject fields and omits apiVersion/kind on built-in list items', async () => {
    const api = await start();
    const res = await api.get(
      `/api/v1/namespaces/flux-system/events?fieldSelector=${encodeURIComponent(
        'involvedObject.kind=Kustomization,involvedObject.name=infrastructure',
      )}`,
    );
    expect(res.body.kind).toBe('EventList');
    expect(res.body.items.map((e: any) => e.reason)).toEqual(['BuildFailed']);
    expect(res.body.items[0].kind).toBeUndefined();
    const warnings = await api.get(
      '/api/v1/events?fieldSelector=type%3DWarning',
    );
    expect(warnings.body.items).toHaveLength(1);
    const deploys = await api.get('/apis/apps/v1/deployments');
    expect(deploys.body.items.map((d: any) => d.metadata.name)).toEqual([
      'podinfo',
    ]);
  });

  it('pages with limit and continue', async () => {
    const api = await start();
    const first = await api.get(`${KS}/kustomizations?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.metadata.remainingItemCount).toBe(1);
    const token = first.body.metadata.continue;
    expect(typeof token).toBe('string');
    const second = await api.get(
      `${KS}/kustomizations?limit=2&continue=${encodeURIComponent(token)}`,
    );
    expect(second.body.items.map((i: any) => i.metadata.name)).toEqual([
      'podinfo',
    ]);
    expect(second.body.metadata.continue).toBeUndefined();

    sim.upsert(readyKustomization('later'));
    sim.compactHistory();
    const stale = await api.get(
      `${KS}/kustomizations?limit=2&continue=${encodeURIComponent(token)}`,
    );
    expect(stale.status).toBe(410);
    expect(stale.body.reason).toBe('Expired');
  });

  it('lists namespaces as cluster-scoped objects', async () => {
    sim = await startClusterSimulator({
      objects: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'flux-system' },
          status: { phase: 'Active' },
        },
      ],
    });
    const api = client(sim);
    const list = await api.get('/api/v1/namespaces');
    expect(list.body.items.map((n: any) => n.metadata.name)).toEqual([
      'flux-system',
    ]);
    expect(list.body.items[0].metadata.namespace).toBeUndefined();
    expect(
      (await api.get('/api/v1/namespaces/flux-system')).body.status.phase,
    ).toBe('Active');
  });
});
