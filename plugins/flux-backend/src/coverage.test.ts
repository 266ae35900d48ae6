/*
 * An entity's coverage against the simulated example cluster over real
 * HTTP: source signature verification, image updates (latest vs deployed),
 * the Alerts and Receivers covering its Flux objects, and whether the
 * commit the entity's content was read at is applied (the same commit, or a
 * later one fetched after the catalog read it); and a cluster without image
 * or notification controllers, whose kinds are simply absent.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_SOURCE_COMMIT,
  ANNOTATION_SOURCE_COMMIT_READ_AT,
  ANNOTATION_WORKLOADS,
  EntityFluxStatus,
  fluxApiVersionOf,
  IMAGE_GROUP,
  NOTIFICATION_GROUP,
  parseWorkloads,
} from '@flux-portal/plugin-flux-common';
import {
  ClusterSimulator,
  ClusterSimulatorOptions,
  SeedResult,
  seedFluxStatuses,
  startClusterSimulator,
} from '@flux-portal/cluster-simulator';
import {
  eventually,
  exampleClusterObjects,
  exampleEntities,
  NOW,
} from './__testUtils__/exampleCluster';
import {
  FluxBackendUnderTest,
  startFluxBackend,
  untilSynced,
} from './__testUtils__/startFluxBackend';

jest.setTimeout(60000);

/** The commit the cluster's GitRepository is at, and the newer one the catalog read (a merge). */
const CLUSTER_COMMIT = '1111111111111111111111111111111111111111';
const MERGED_COMMIT = '2222222222222222222222222222222222222222';
/** A later push that changes other apps: the entities keep MERGED_COMMIT. */
const LATER_COMMIT = '3333333333333333333333333333333333333333';
/**
 * When the catalog read MERGED_COMMIT: after the seeded fetch (at least a
 * minute before NOW), before any fetch the test makes.
 */
const MERGED_READ_AT = new Date(NOW.getTime() - 30_000).toISOString();
/** A time as the reasons print it. */
const printed = (iso: string) =>
  new Date(iso).toISOString().replace('.000Z', 'Z');

const failedVerification =
  'failed to verify the signature using provider cosign: no matching signatures were found for ghcr.io/stefanprodan/manifests/podinfo:6.7.0';

/** A Kustomization from an OCIRepository whose cosign check fails. */
function signedPodinfo() {
  const time = NOW.toISOString();
  const meta = (name: string) => ({
    name,
    namespace: 'flux-system',
    generation: 1,
  });
  return [
    {
      apiVersion: fluxApiVersionOf('OCIRepository'),
      kind: 'OCIRepository',
      metadata: meta('podinfo'),
      spec: {
        url: 'oci://ghcr.io/stefanprodan/manifests/podinfo',
        ref: { tag: '6.7.0' },
        interval: '10m',
        verify: { provider: 'cosign' },
      },
      status: {
        observedGeneration: 1,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'VerificationError',
            message: failedVerification,
            lastTransitionTime: time,
          },
          {
            type: 'SourceVerified',
            status: 'False',
            reason: 'VerificationError',
            message: failedVerification,
            lastTransitionTime: time,
          },
        ],
      },
    },
    {
      apiVersion: fluxApiVersionOf('Kustomization'),
      kind: 'Kustomization',
      metadata: meta('podinfo'),
      spec: {
        interval: '10m',
        path: './',
        prune: true,
        sourceRef: { kind: 'OCIRepository', name: 'podinfo' },
      },
      status: {
        observedGeneration: 1,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ArtifactFailed',
            message: 'Source is not ready, artifact not found',
            lastTransitionTime: time,
          },
        ],
      },
    },
  ];
}

const podinfoEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'podinfo',
    namespace: 'default',
    annotations: {
      [ANNOTATION_CLUSTERS]: 'contour',
      [ANNOTATION_KUSTOMIZATION]: 'flux-system/podinfo',
    },
  },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

describe('entity coverage against the simulated example cluster', () => {
  let sim: ClusterSimulator;
  let seeded: SeedResult;
  let backend: FluxBackendUnderTest;
  let entities: Entity[];

  beforeAll(async () => {
    seeded = seedFluxStatuses(await exampleClusterObjects(), {
      seed: 1,
      now: NOW,
      coverage: true,
      commit: CLUSTER_COMMIT,
    });
    sim = await startClusterSimulator({
      name: 'contour',
      objects: [...seeded.objects, ...signedPodinfo()],
      reconcileDelays: { startMs: 20, finishMs: 60 },
    });
    // the catalog read the monorepo after a merge the cluster has not fetched yet
    entities = [...(await exampleEntities()), podinfoEntity].map(e => ({
      ...e,
      metadata: {
        ...e.metadata,
        annotations: {
          ...e.metadata.annotations,
          [ANNOTATION_SOURCE_COMMIT]: MERGED_COMMIT,
          [ANNOTATION_SOURCE_COMMIT_READ_AT]: MERGED_READ_AT,
        },
      },
    }));
    backend = await startFluxBackend({
      clusters: [{ name: 'contour', url: sim.url, token: sim.token }],
      entities,
    });
    await untilSynced(backend);
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const entityWith = (key: string, value: (v: string) => boolean) => {
    const found = entities.find(e => {
      const v = e.metadata.annotations?.[key];
      return v !== undefined && value(v);
    });
    if (!found) throw new Error(`no entity with ${key}`);
    return found;
  };
  const contourOf = async (entity: Entity) => {
    const status: EntityFluxStatus = await backend.statusOf(entity);
    return status.clusters[0];
  };

  it("shows the source's failed signature check with the controller's message where the source is shown", async () => {
    const cluster = await contourOf(podinfoEntity);
    expect(cluster.errors).toEqual([]);
    const ks = cluster.objects.find(o => o.kind === 'Kustomization')!;
    expect(ks.source).toMatchObject({
      kind: 'OCIRepository',
      name: 'podinfo',
      state: 'Failed',
      url: 'oci://ghcr.io/stefanprodan/manifests/podinfo',
      verification: {
        status: 'failed',
        provider: 'cosign',
        message: failedVerification,
      },
    });
    // an OCI source is no Git commit: nothing to say about the merge
    expect(cluster.coverage?.merge).toBeUndefined();
  });

  it("shows a verified chart (kafka's HelmChart, spec.verify from its HelmRelease) as verified", async () => {
    const kafka = entityWith(ANNOTATION_HELM_RELEASE, v => v === 'kafka/kafka');
    const cluster = await contourOf(kafka);
    const hr = cluster.objects.find(o => o.kind === 'HelmRelease')!;
    expect(hr.source).toMatchObject({
      kind: 'HelmChart',
      verification: { status: 'verified', provider: 'cosign' },
    });
  });

  it('compares each ImagePolicy’s latest image with the image the entity’s Deployment runs', async () => {
    const policies = seeded.objects.filter(o => o.kind === 'ImagePolicy');
    expect(policies).toHaveLength(2);
    const comparisons = [];
    for (const policy of policies as any[]) {
      const latest = policy.status.latestRef;
      const deployment: any = seeded.objects.find(
        o =>
          o.kind === 'Deployment' &&
          o.spec?.template?.spec?.containers?.[0]?.image?.startsWith(
            `${latest.name}:`,
          ),
      );
      const entity = entityWith(ANNOTATION_WORKLOADS, v =>
        parseWorkloads(v).some(
          w =>
            w.kind === 'Deployment' &&
            w.namespace === deployment.metadata.namespace &&
            w.name === deployment.metadata.name,
        ),
      );
      const cluster = await contourOf(entity);
      const [update] = cluster.coverage!.images!;
      expect(update).toMatchObject({
        policy: { namespace: 'flux-system', name: policy.metadata.name },
        state: 'Ready',
        repository: { name: policy.metadata.name, image: latest.name },
        latestImage: `${latest.name}:${latest.tag}`,
        deployed: [
          {
            workload: {
              kind: 'Deployment',
              namespace: deployment.metadata.namespace,
              name: deployment.metadata.name,
            },
            image: deployment.spec.template.spec.containers[0].image,
          },
        ],
        automations: [{ namespace: 'flux-system', name: 'flux-system' }],
      });
      comparisons.push(update.comparison);
    }
    // the seed makes the first policy's latest the deployed tag, the second a newer minor
    expect(comparisons).toEqual(['current', 'outdated']);
  });

  it("lists the Alerts covering a HelmRelease entity's objects with their Providers, and the Receiver of its source, without addresses or hook paths", async () => {
    const kafka = entityWith(ANNOTATION_HELM_RELEASE, v => v === 'kafka/kafka');
    const cluster: any = (await backend.statusOf(kafka)).clusters[0];
    const alerts = cluster.coverage.alerts;
    const byName = Object.fromEntries(alerts.map((a: any) => [a.name, a]));
    expect(byName['helm-releases']).toMatchObject({
      eventSeverity: 'info',
      suspended: false,
      provider: {
        name: 'slack-platform',
        type: 'slack',
        channel: '#platform-alerts',
      },
      covers: [{ kind: 'HelmRelease', namespace: 'kafka', name: 'kafka' }],
    });
    expect(byName['platform-errors'].eventSeverity).toBe('error');
    expect(byName['platform-errors'].covers).toEqual(
      expect.arrayContaining([
        {
          kind: 'Kustomization',
          namespace: 'flux-system',
          name: 'infrastructure',
        },
        {
          kind: 'GitRepository',
          namespace: 'flux-system',
          name: 'flux-system',
        },
      ]),
    );
    expect(cluster.coverage.receivers).toEqual([
      expect.objectContaining({
        name: 'github-push',
        type: 'github',
        events: ['ping', 'push'],
        state: 'Ready',
        message: 'Receiver initialized for path: /hook/…',
        triggers: [
          {
            kind: 'GitRepository',
            namespace: 'flux-system',
            name: 'flux-system',
          },
        ],
      }),
    ]);
    const text = JSON.stringify(cluster);
    expect(text).not.toMatch(/\/hook\/[0-9a-f]/);
    expect(text).not.toContain('secretRef');
    expect(text).not.toContain('-token');
  });

  // the cluster entity: every Kustomization of contour, all from the monorepo's GitRepository
  const clusterEntity = () =>
    entities.find(e => (e.spec as any)?.type === 'kubernetes-cluster')!;
  const mergeOf = async () =>
    (await contourOf(clusterEntity())).coverage!.merge!;
  const fluxSystem = (merge: Awaited<ReturnType<typeof mergeOf>>) =>
    merge.objects.find(o => o.name === 'flux-system')!;
  const gitRepository = () =>
    seeded.objects.find(o => o.kind === 'GitRepository') as any;
  const revisionOf = (commit: string) =>
    `${gitRepository().spec.ref?.branch ?? 'main'}@sha1:${commit}`;

  it('answers "is my merge deployed" per Kustomization: not yet while the cluster last fetched before the catalog read the commit, deployed once it applies that commit', async () => {
    const before = await mergeOf();
    expect(before).toMatchObject({
      state: 'not-yet',
      catalogCommit: MERGED_COMMIT,
      catalogReadAt: MERGED_READ_AT,
    });
    const fetchedAt = gitRepository().status.artifact.lastUpdateTime;
    expect(Date.parse(fetchedAt)).toBeLessThan(Date.parse(MERGED_READ_AT));
    expect(fluxSystem(before)).toMatchObject({
      kind: 'Kustomization',
      state: 'not-yet',
      reason: `the cluster last fetched 1111111 at ${fetchedAt}, before the catalog read this entity's last change 2222222 at ${printed(
        MERGED_READ_AT,
      )}`,
    });
    expect(before.objects.map(o => o.name).sort()).toEqual(
      seeded.states
        .filter(s => s.kind === 'Kustomization')
        .map(s => s.name)
        .sort(),
    );

    const revision = revisionOf(MERGED_COMMIT);
    sim.newArtifact(
      'GitRepository',
      'flux-system',
      gitRepository().metadata.name,
      revision,
    );
    const after = await eventually(
      async () => {
        const merge = await mergeOf();
        return fluxSystem(merge).state === 'deployed' && merge;
      },
      15000,
      'the merge applied by flux-system',
    );
    expect(fluxSystem(after)).toMatchObject({
      reason: 'applied 2222222, the commit the catalog read this entity at',
      appliedRevision: revision,
    });
    // rolled up: deployed only once every Kustomization applied it
    expect(after.state).toBe(
      after.objects.every(o => o.state === 'deployed') ? 'deployed' : 'not-yet',
    );
  });

  it('stays deployed when the cluster applies a later push fetched after the catalog read the entity (the entity keeps its commit)', async () => {
    const revision = revisionOf(LATER_COMMIT);
    const fetched = sim.newArtifact(
      'GitRepository',
      'flux-system',
      gitRepository().metadata.name,
      revision,
    );
    const fetchedAt = (fetched as any).status.artifact.lastUpdateTime;
    expect(Date.parse(fetchedAt)).toBeGreaterThanOrEqual(
      Date.parse(MERGED_READ_AT),
    );
    const after = await eventually(
      async () => {
        const merge = await mergeOf();
        return fluxSystem(merge).appliedRevision === revision && merge;
      },
      15000,
      'the later push applied by flux-system',
    );
    expect(after.catalogCommit).toBe(MERGED_COMMIT);
    expect(fluxSystem(after)).toEqual({
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'flux-system',
      state: 'deployed',
      reason: `applied 3333333, fetched at ${fetchedAt}, at or after the catalog read 2222222 at ${printed(
        MERGED_READ_AT,
      )}: 3333333 contains 2222222`,
      appliedRevision: revision,
    });
  });

  it('counts only the same commit when the GitRepository is pinned to a tag', async () => {
    const name = gitRepository().metadata.name;
    const current = sim.get(
      fluxApiVersionOf('GitRepository'),
      'GitRepository',
      'flux-system',
      name,
    )!;
    sim.upsert({
      ...current,
      spec: { ...(current as any).spec, ref: { tag: 'v1.0.0' } },
    } as typeof current);
    const pinned = await eventually(
      async () => {
        const merge = await mergeOf();
        return fluxSystem(merge).state === 'not-yet' && merge;
      },
      15000,
      'the pinned source read',
    );
    expect(fluxSystem(pinned).reason).toBe(
      'applied 3333333, the catalog read 2222222; the GitRepository is pinned to a tag or commit, so only 2222222 itself counts',
    );
  });
});

/** The example cluster seeded with coverage, served as given, behind a synced backend of the example's entities. */
function exampleWorld(
  simOptions: Partial<ClusterSimulatorOptions>,
  prepare: (sim: ClusterSimulator) => void = () => {},
) {
  const world = {} as { sim: ClusterSimulator; backend: FluxBackendUnderTest };
  beforeAll(async () => {
    const seeded = seedFluxStatuses(await exampleClusterObjects(), {
      seed: 1,
      now: NOW,
      coverage: true,
    });
    world.sim = await startClusterSimulator({
      name: 'contour',
      objects: seeded.objects,
      ...simOptions,
    });
    prepare(world.sim);
    world.backend = await startFluxBackend({
      clusters: [
        { name: 'contour', url: world.sim.url, token: world.sim.token },
      ],
    });
    await untilSynced(world.backend);
  });
  afterAll(async () => {
    await world.backend?.stop();
    await world.sim?.stop();
  });
  return world;
}

async function kafkaEntity(): Promise<Entity> {
  return (await exampleEntities()).find(
    e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE] === 'kafka/kafka',
  )!;
}

describe('a cluster without image-reflector or notification-controller', () => {
  const world = exampleWorld({
    servedVersions: { [IMAGE_GROUP]: [], [NOTIFICATION_GROUP]: [] },
  });

  it('leaves the kinds out: no error, no image or notification lists, the merge unknown without the catalog commit', async () => {
    const kafka = await kafkaEntity();
    const status = await world.backend.statusOf(kafka);
    const [cluster] = status.clusters;
    expect(cluster.errors).toEqual([]);
    expect(cluster.coverage?.alerts).toBeUndefined();
    expect(cluster.coverage?.receivers).toBeUndefined();
    expect(cluster.coverage?.images).toBeUndefined();
    expect(cluster.coverage?.merge?.state).toBe('unknown');
    const runtime = (await world.backend.get('/runtime')).body;
    expect(runtime.clusters[0].errors).toEqual([]);
    expect(Object.keys(runtime.clusters[0].versions)).not.toContain('Alert');
  });
});

describe('a cluster that refuses to list Alerts and ImagePolicies (RBAC not granted)', () => {
  const world = exampleWorld({}, sim => {
    sim.faults.forbidKind('Alert');
    sim.faults.forbidKind('ImagePolicy');
  });

  it('is synced all the same; the refusal shows in /runtime only, entity pages leave those parts out', async () => {
    const runtime = (await world.backend.get('/runtime')).body.clusters[0];
    expect(runtime.errors).toEqual([
      expect.objectContaining({ reason: 'Forbidden', kinds: ['ImagePolicy'] }),
      expect.objectContaining({ reason: 'Forbidden', kinds: ['Alert'] }),
    ]);
    const kafka = await kafkaEntity();
    const [cluster] = (await world.backend.statusOf(kafka)).clusters;
    expect(cluster.errors).toEqual([]);
    expect(cluster.coverage?.alerts).toBeUndefined();
    expect(cluster.coverage?.receivers?.map(r => r.name)).toEqual([
      'github-push',
    ]);
  });
});
