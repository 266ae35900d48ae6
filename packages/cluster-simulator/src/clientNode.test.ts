/*
 * Proves the simulator is faithful enough for the real Kubernetes client the
 * Backstage kubernetes backend uses (@kubernetes/client-node 1.4.0): its
 * CustomObjectsApi lists, its Watch streams, and makeInformer's ListWatch
 * keeps a cache in sync and relists after a 410.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import {
  startClusterSimulator,
  ClusterSimulator,
  seedFluxStatuses,
} from './index';
import { FIXED_NOW, fluxFixture } from './__testUtils__';

function kubeConfigFor(sim: ClusterSimulator): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: sim.name, server: sim.url, skipTLSVerify: true }],
    users: [{ name: 'portal', token: sim.token }],
    contexts: [{ name: sim.name, cluster: sim.name, user: 'portal' }],
    currentContext: sim.name,
  });
  return kc;
}

async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 20));
  }
}

describe('@kubernetes/client-node against the simulator', () => {
  let sim: ClusterSimulator;
  afterEach(() => sim?.stop());

  async function start() {
    sim = await startClusterSimulator({
      name: 'contour',
      objects: seedFluxStatuses(fluxFixture(), { seed: 3, now: FIXED_NOW })
        .objects,
      reconcileDelays: { startMs: 10, finishMs: 30 },
    });
    return kubeConfigFor(sim);
  }

  it('lists Flux objects and events with the typed APIs', async () => {
    const kc = await start();
    const custom = kc.makeApiClient(CustomObjectsApi);
    const list: any = await custom.listClusterCustomObject({
      group: 'kustomize.toolkit.fluxcd.io',
      version: 'v1',
      plural: 'kustomizations',
      labelSelector: 'tier=infra',
    });
    expect(list.items.map((i: any) => i.metadata.name).sort()).toEqual([
      'infrastructure',
      'monitoring',
    ]);

    const hr: any = await custom.getNamespacedCustomObject({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      namespace: 'apps',
      plural: 'helmreleases',
      name: 'podinfo',
    });
    expect(hr.spec.chart.spec.chart).toBe('podinfo');

    const core = kc.makeApiClient(CoreV1Api);
    const events = await core.listNamespacedEvent({
      namespace: 'flux-system',
      fieldSelector: 'involvedObject.kind=Kustomization',
    });
    expect(events.items.length).toBeGreaterThan(0);
    expect(
      events.items.every(e => e.involvedObject.kind === 'Kustomization'),
    ).toBe(true);

    await expect(
      custom.getNamespacedCustomObject({
        group: 'helm.toolkit.fluxcd.io',
        version: 'v2',
        namespace: 'apps',
        plural: 'helmreleases',
        name: 'nope',
      }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('streams watch events to Watch', async () => {
    const kc = await start();
    const seen: Array<{ type: string; name: string }> = [];
    const watch = new Watch(kc);
    let doneError: unknown = 'not done';
    const controller = await watch.watch(
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations',
      {
        resourceVersion: String(sim.resourceVersion),
        allowWatchBookmarks: true,
      },
      (type, obj) => seen.push({ type, name: obj.metadata.name }),
      err => {
        doneError = err;
      },
    );
    const custom = kc.makeApiClient(CustomObjectsApi);
    // The way a portal backend asks Flux to reconcile: a merge patch of the annotation.
    const patched: any = await custom.patchNamespacedCustomObject(
      {
        group: 'kustomize.toolkit.fluxcd.io',
        version: 'v1',
        namespace: 'flux-system',
        plural: 'kustomizations',
        name: 'tenants',
        body: {
          metadata: {
            annotations: {
              'reconcile.fluxcd.io/requestedAt': 'from-client-node',
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(
      patched.metadata.annotations['reconcile.fluxcd.io/requestedAt'],
    ).toBe('from-client-node');
    await eventually(() =>
      seen.some(s => s.type === 'MODIFIED' && s.name === 'tenants'),
    );
    sim.dropWatches();
    await eventually(() => doneError !== 'not done');
    expect(doneError).toBeNull();
    controller.abort();
  });

  it('keeps a makeInformer cache in sync, including after a 410 forces a relist', async () => {
    const kc = await start();
    const custom = kc.makeApiClient(CustomObjectsApi);
    const path = '/apis/helm.toolkit.fluxcd.io/v2/helmreleases';
    let lists = 0;
    const informer = makeInformer(kc, path, () => {
      lists++;
      return custom.listClusterCustomObject({
        group: 'helm.toolkit.fluxcd.io',
        version: 'v2',
        plural: 'helmreleases',
      }) as any;
    });
    const updates: string[] = [];
    const errors: unknown[] = [];
    informer.on('update', (obj: any) => updates.push(obj.metadata.name));
    informer.on('error', err => errors.push(err));
    await informer.start();
    expect(
      informer
        .list()
        .map((o: any) => o.metadata.name)
        .sort(),
    ).toEqual(['cert-manager', 'ingress-nginx', 'podinfo']);

    // A reconcile request flows through the simulated controller into the cache.
    const hr = sim.get(
      'helm.toolkit.fluxcd.io/v2',
      'HelmRelease',
      'apps',
      'podinfo',
    )!;
    sim.upsert({
      ...hr,
      spec: { ...hr.spec, suspend: false },
      metadata: {
        ...hr.metadata,
        annotations: {
          ...hr.metadata!.annotations,
          'reconcile.fluxcd.io/requestedAt': 'informer-test',
        },
      },
    });
    await eventually(
      () =>
        (informer.get('podinfo', 'apps') as any)?.status
          ?.lastHandledReconcileAt === 'informer-test',
    );
    expect(updates).toContain('podinfo');

    // Compact history and drop the watch: the informer rewatches from a
    // resourceVersion that is now too old, gets a 410 and relists.
    const added = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'late', namespace: 'apps' },
      spec: {
        interval: '5m',
        chart: {
          spec: {
            chart: 'late',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'podinfo',
              namespace: 'flux-system',
            },
          },
        },
      },
    };
    sim.compactHistory();
    sim.dropWatches();
    sim.upsert(added);
    await eventually(() => informer.get('late', 'apps') !== undefined);
    expect(lists).toBe(2);
    expect(errors).toEqual([]);
    await informer.stop();
  });
});
