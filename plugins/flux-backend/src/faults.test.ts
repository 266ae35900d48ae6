/*
 * One failing cluster never blanks the others: the backend against two
 * simulated clusters over real HTTP, with the simulator's fault injection.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  EntityFluxStatus,
  fluxApiVersionOf,
} from '@flux-portal/plugin-flux-common';
import {
  ClusterSimulator,
  startClusterSimulator,
} from '@flux-portal/cluster-simulator';
import {
  eventually,
  exampleEntities,
  seededExample,
} from './__testUtils__/exampleCluster';
import {
  FluxBackendUnderTest,
  startFluxBackend,
} from './__testUtils__/startFluxBackend';

jest.setTimeout(120000);

/** The example's entities, deployed to both clusters. */
async function twoClusterEntities(): Promise<Entity[]> {
  return (await exampleEntities()).map(e =>
    e.metadata.annotations?.[ANNOTATION_CLUSTERS]
      ? {
          ...e,
          metadata: {
            ...e.metadata,
            annotations: {
              ...e.metadata.annotations,
              [ANNOTATION_CLUSTERS]: 'contour,prod',
            },
          },
        }
      : e,
  );
}

describe('cluster faults', () => {
  const sims: ClusterSimulator[] = [];
  let backend: FluxBackendUnderTest | undefined;
  let entities: Entity[];
  let infraEntity: Entity;

  beforeAll(async () => {
    entities = await twoClusterEntities();
    infraEntity = entities.find(
      e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    )!;
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    await Promise.all(sims.splice(0).map(s => s.stop()));
  });

  async function start(
    options: {
      prod?: Parameters<typeof startClusterSimulator>[0];
      flux?: Record<string, unknown>;
      beforeBackend?: (
        contour: ClusterSimulator,
        prod: ClusterSimulator,
      ) => Promise<void>;
    } = {},
  ) {
    const { objects } = await seededExample();
    const contour = await startClusterSimulator({
      name: 'contour',
      objects,
      reconcileDelays: { startMs: 10, finishMs: 30 },
    });
    const prod = await startClusterSimulator({
      name: 'prod',
      objects,
      reconcileDelays: { startMs: 10, finishMs: 30 },
      ...options.prod,
    });
    sims.push(contour, prod);
    await options.beforeBackend?.(contour, prod);
    backend = await startFluxBackend({
      clusters: [contour, prod].map(s => ({
        name: s.name,
        url: s.url,
        token: s.token,
      })),
      entities,
      flux: options.flux,
    });
    return { contour, prod, backend };
  }

  const statusOf = (b: FluxBackendUnderTest) => b.statusOf(infraEntity);
  const clusterOf = (status: EntityFluxStatus, name: string) =>
    status.clusters.find(c => c.cluster === name)!;

  it('reports a cluster that is down at start while the other answers, and picks it up when it comes back', async () => {
    const { prod, backend: b } = await start({
      beforeBackend: async (_c, p) => p.down(),
    });
    const down = await eventually(
      async () => {
        const s = await statusOf(b);
        return (
          clusterOf(s, 'contour').objects.length > 0 &&
          clusterOf(s, 'prod').errors.some(e => e.reason === 'Unreachable') &&
          s
        );
      },
      30000,
      'contour answers, prod unreachable',
    );
    expect(clusterOf(down, 'prod').errors[0].message).toContain(
      "cluster 'prod' is unreachable",
    );
    expect(clusterOf(down, 'prod').objects).toEqual([]);
    await prod.up();
    await eventually(
      async () => {
        const s = await statusOf(b);
        return (
          clusterOf(s, 'prod').errors.length === 0 &&
          clusterOf(s, 'prod').objects.length > 0
        );
      },
      30000,
      'prod back',
    );
  });

  it('keeps serving the last objects when a cluster goes down mid-watch, and follows changes after it is back', async () => {
    const { prod, backend: b } = await start();
    // both clusters fully listed before one goes down
    await eventually(
      async () =>
        (await b.get('/runtime')).body.clusters.every((c: any) => c.synced),
      30000,
      'both clusters synced',
    );
    await prod.down();
    const during = await eventually(
      async () => {
        const s = await statusOf(b);
        return clusterOf(s, 'prod').errors.length > 0 && s;
      },
      30000,
      'prod reported down',
    );
    // the page does not blank: objects last seen are still there
    expect(clusterOf(during, 'prod').objects.length).toBeGreaterThan(0);
    expect(clusterOf(during, 'contour').errors).toEqual([]);
    await prod.up();
    const hr = clusterOf(during, 'prod').objects.find(
      o => o.kind === 'HelmRelease',
    )!;
    const live: any = prod.get(
      hr.apiVersion || fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      hr.namespace,
      hr.name,
    );
    prod.upsert({
      ...live,
      metadata: {
        ...live.metadata,
        annotations: {
          ...live.metadata.annotations,
          'flux-portal.test/marker': 'after-restart',
        },
      },
      status: { ...live.status, lastHandledReconcileAt: 'after-restart' },
    });
    await eventually(
      async () => {
        const s = await statusOf(b);
        const p = clusterOf(s, 'prod');
        return (
          p.errors.length === 0 &&
          p.objects.find(o => o.kind === 'HelmRelease')
            ?.lastHandledReconcileAt === 'after-restart'
        );
      },
      30000,
      'change after restart seen',
    );
  });

  it('reports a 403 for one kind on that kind only', async () => {
    const { backend: b } = await start({
      beforeBackend: async (_c, p) => p.faults.forbidKind('HelmRelease'),
    });
    const s = await eventually(
      async () => {
        const st = await statusOf(b);
        const errors = clusterOf(st, 'prod').errors;
        // every other kind listed, only the forbidden one left in error
        return errors.length === 1 && errors[0].reason === 'Forbidden' && st;
      },
      30000,
      '403 reported',
    );
    const prodErrors = clusterOf(s, 'prod').errors;
    expect(prodErrors).toEqual([
      expect.objectContaining({ reason: 'Forbidden', kinds: ['HelmRelease'] }),
    ]);
    expect(prodErrors[0].message).toContain('forbidden');
    expect(
      clusterOf(s, 'prod').objects.some(o => o.kind === 'HelmRelease'),
    ).toBe(false);
    expect(
      clusterOf(s, 'contour').objects.some(o => o.kind === 'HelmRelease'),
    ).toBe(true);
    const runtime = (await b.get('/runtime')).body;
    expect(
      runtime.clusters.find((c: any) => c.cluster === 'prod').errors[0].kinds,
    ).toEqual(['HelmRelease']);
  });

  it('relists after 410 Gone and sees objects added meanwhile', async () => {
    const { contour, backend: b } = await start();
    await eventually(
      async () =>
        (await b.get('/runtime')).body.clusters.every((c: any) => c.synced),
      30000,
      'synced',
    );
    contour.compactHistory();
    contour.dropWatches();
    contour.upsert({
      apiVersion: fluxApiVersionOf('Kustomization'),
      kind: 'Kustomization',
      metadata: { name: 'added-after-compaction', namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: './late',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    });
    const seen = await eventually(
      async () => {
        const items = (
          await b.get('/objects?cluster=contour&kind=Kustomization')
        ).body.items;
        return items.some((i: any) => i.name === 'added-after-compaction');
      },
      30000,
      'added object seen after relist',
    );
    expect(seen).toBe(true);
  });

  it('answers within the timeout with a per-cluster error for a slow cluster, while the other cluster answers', async () => {
    const { backend: b } = await start({
      prod: { name: 'prod', objects: [] },
      beforeBackend: async (_c, p) => p.faults.setLatency(4000),
      flux: { requestTimeoutMs: 500 },
    });
    await new Promise(r => setTimeout(r, 700));
    const started = Date.now();
    const s = await statusOf(b);
    const elapsed = Date.now() - started;
    // the answer does not wait for the slow cluster (4 s per request); the
    // bound is loose on purpose, the machine may be busy
    expect(elapsed).toBeLessThan(3000);
    expect(clusterOf(s, 'prod').errors[0]).toMatchObject({ reason: 'Timeout' });
    expect(clusterOf(s, 'prod').errors[0].message).toMatch(
      /cluster 'prod'.*500 ms/,
    );
    await eventually(
      async () => clusterOf(await statusOf(b), 'contour').objects.length > 0,
      30000,
      'contour answers',
    );
  });

  it('discovers the served API versions per cluster', async () => {
    const { backend: b } = await start({
      prod: {
        name: 'prod',
        objects: (await seededExample()).objects,
        servedVersions: {
          'kustomize.toolkit.fluxcd.io': ['v1beta2'],
          'helm.toolkit.fluxcd.io': ['v2beta1'],
          'source.toolkit.fluxcd.io': ['v1beta2'],
        },
      },
    });
    const runtime = await eventually(
      async () => {
        const r = (await b.get('/runtime')).body;
        return r.clusters.every((c: any) => c.synced) && r;
      },
      30000,
      'synced',
    );
    const versions = Object.fromEntries(
      runtime.clusters.map((c: any) => [c.cluster, c.versions]),
    );
    expect(versions.contour).toMatchObject({
      Kustomization: 'v1',
      HelmRelease: 'v2',
      GitRepository: 'v1',
    });
    expect(versions.prod).toMatchObject({
      Kustomization: 'v1beta2',
      HelmRelease: 'v2beta1',
      GitRepository: 'v1beta2',
    });
    const s = await statusOf(b);
    expect(
      clusterOf(s, 'prod').objects.find(o => o.kind === 'HelmRelease')
        ?.apiVersion,
    ).toBe('helm.toolkit.fluxcd.io/v2beta1');
  });
});
