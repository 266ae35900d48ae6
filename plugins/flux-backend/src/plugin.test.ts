/*
 * The flux backend against the simulated example cluster over real HTTP:
 * what an entity's status says, the stream, and the actions.
 */
import { get as httpGet } from 'node:http';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  entityActionPath,
  entityStatusPath,
  fluxApiVersionOf,
  FluxConditionType,
  STATE_SEVERITY,
} from '@flux-portal/plugin-flux-common';
import { ClusterSimulator, SeedResult } from '@flux-portal/cluster-simulator';
import {
  eventually,
  exampleEntities,
  startExampleCluster,
} from './__testUtils__/exampleCluster';
import {
  FluxBackendUnderTest,
  readEvents,
  startFluxBackend,
} from './__testUtils__/startFluxBackend';

jest.setTimeout(60000);

function deployedBy(
  entities: Entity[],
  kind: string,
  namespace: string,
  name: string,
): Entity {
  const key =
    kind === 'HelmRelease' ? ANNOTATION_HELM_RELEASE : ANNOTATION_KUSTOMIZATION;
  const entity = entities.find(
    e => e.metadata.annotations?.[key] === `${namespace}/${name}`,
  );
  if (!entity)
    throw new Error(`no entity deployed by ${kind} ${namespace}/${name}`);
  return entity;
}

/** How the test configures its cluster to be shown (flux.clusters.contour). */
const SHOWN_AS = {
  title: 'contour (simulated)',
  labels: { environment: 'simulated' },
};

describe('flux backend against the simulated example cluster', () => {
  let sim: ClusterSimulator;
  let seeded: SeedResult;
  let backend: FluxBackendUnderTest;
  let entities: Entity[];

  beforeAll(async () => {
    ({ sim, seeded } = await startExampleCluster());
    entities = await exampleEntities();
    backend = await startFluxBackend({
      clusters: [{ name: 'contour', url: sim.url, token: sim.token }],
      flux: { clusters: { contour: SHOWN_AS } },
    });
    await eventually(
      async () => (await backend.get('/runtime')).body?.clusters?.[0]?.synced,
      15000,
      'cluster synced',
    );
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const statusOf = (entity: Entity) => backend.statusOf(entity);

  it("serves a failing HelmRelease's entity as Failed with the controller's message, source and events", async () => {
    const failed = seeded.states.find(
      s => s.kind === 'HelmRelease' && s.state === 'Failed',
    )!;
    expect(failed).toBeDefined();
    const entity = deployedBy(
      entities,
      'HelmRelease',
      failed.namespace,
      failed.name,
    );
    const status = await statusOf(entity);
    expect(status.entityRef).toBe(stringifyEntityRef(entity));
    expect(status.state).toBe('Failed');
    const [cluster] = status.clusters;
    expect(cluster).toMatchObject({ cluster: 'contour', ...SHOWN_AS });
    expect(cluster.errors).toEqual([]);
    const hr = cluster.objects.find(o => o.kind === 'HelmRelease')!;
    const live: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      failed.namespace,
      failed.name,
    );
    const ready = live.status.conditions.find(
      (c: any) => c.type === FluxConditionType.Ready,
    );
    expect(hr).toMatchObject({
      name: failed.name,
      namespace: failed.namespace,
      state: 'Failed',
      message: ready.message,
    });
    expect(hr.source?.kind).toBe('HelmChart');
    expect(hr.source?.url).toMatch(/^(https?|oci):\/\//);
    expect(hr.events!.length).toBeGreaterThan(0);
    expect(hr.events!.some(e => e.type === 'Warning')).toBe(true);
    // the Kustomization that applies the HelmRelease is shown with it
    expect(cluster.objects.map(o => o.kind)).toContain('Kustomization');
  });

  it("shows an app's share of the shared apps Kustomization: its own workloads with readiness", async () => {
    const app = entities.find(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.[ANNOTATION_KUSTOMIZATION] ===
          'flux-system/apps',
    )!;
    const status = await statusOf(app);
    const ks = status.clusters[0].objects.find(
      o => o.kind === 'Kustomization',
    )!;
    expect(ks.name).toBe('apps');
    const inventory = ks.inventory!;
    expect(inventory.length).toBeGreaterThan(0);
    const namespaces = new Set(inventory.map(e => e.namespace));
    expect(namespaces.size).toBe(1);
    const deployment = inventory.find(e => e.kind === 'Deployment')!;
    expect(typeof deployment.ready).toBe('boolean');
    expect(deployment.readyMessage).toMatch(/^\d+\/\d+ ready$/);
    expect(ks.dependsOn).toEqual([
      expect.objectContaining({
        kind: 'Kustomization',
        name: 'infrastructure',
        namespace: 'flux-system',
      }),
    ]);
  });

  it('judges an app by its own objects when the shared apps Kustomization fails, naming it as context', async () => {
    const app = entities.find(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.[ANNOTATION_KUSTOMIZATION] ===
          'flux-system/apps' &&
        !e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    )!;
    const original: any = sim.get(
      fluxApiVersionOf('Kustomization'),
      'Kustomization',
      'flux-system',
      'apps',
    );
    const failWith = (inventory: unknown) =>
      sim.upsert({
        ...original,
        status: {
          ...original.status,
          inventory,
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'BuildFailed',
              message: 'kustomize build failed: broken patch',
              observedGeneration: original.metadata.generation,
              lastTransitionTime: new Date().toISOString(),
            },
          ],
        },
      });
    try {
      // applied before, failing now: the app's workloads decide
      failWith(original.status.inventory);
      const status = await eventually(async () => {
        const s = await statusOf(app);
        const ks = s.clusters[0].objects.find(o => o.name === 'apps');
        return ks?.state === 'Failed' && s;
      });
      const cluster = status.clusters[0];
      const ks = cluster.objects.find(o => o.name === 'apps')!;
      const ready = ks.inventory!.filter(e => e.kind === 'Deployment');
      expect(ready.length).toBeGreaterThan(0);
      expect(cluster).toMatchObject({
        state: ready.every(e => e.ready) ? 'Ready' : 'Progressing',
        rule: 'workloads',
        context: 'deployed by flux-system/apps, shared by 34 entities: Failed',
      });
      // never applied the app: the shared Kustomization blocks it
      failWith({ entries: [] });
      await eventually(async () => {
        const c = (await statusOf(app)).clusters[0];
        return c.rule === 'shared-blocks' && c.state === 'Failed';
      });
    } finally {
      sim.upsert(original);
    }
  });

  it('reconciles a failing HelmRelease and streams it to Ready', async () => {
    const failed = seeded.states.find(
      s => s.kind === 'HelmRelease' && s.state === 'Failed',
    )!;
    const entity = deployedBy(
      entities,
      'HelmRelease',
      failed.namespace,
      failed.name,
    );
    const ref = {
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    };
    const streamed = readEvents(
      `${backend.url}/stream?entityRef=${encodeURIComponent(
        stringifyEntityRef(entity),
      )}`,
      ({ event, data }) => {
        if (event !== 'status') return false;
        const hr = data.clusters[0].objects.find(
          (o: any) => o.kind === 'HelmRelease',
        );
        return (
          hr.state === 'Ready' &&
          hr.lastHandledReconcileAt &&
          hr.lastHandledReconcileAt === hr.requestedAt
        );
      },
    );
    const res = await backend.post(entityActionPath(ref, 'reconcile'), {
      cluster: 'contour',
      kind: 'HelmRelease',
      namespace: failed.namespace,
      name: failed.name,
    });
    expect(res.status).toBe(200);
    expect(res.body.requestedAt).toEqual(expect.any(String));
    const events = await streamed;
    expect(events[0].event).toBe('status');
    expect(
      events[0].data.clusters[0].objects.find(
        (o: any) => o.kind === 'HelmRelease',
      ).state,
    ).toBe('Failed');
    const last = events[events.length - 1].data.clusters[0].objects.find(
      (o: any) => o.kind === 'HelmRelease',
    );
    expect(last.lastHandledReconcileAt).toBe(res.body.requestedAt);
    const live: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      failed.namespace,
      failed.name,
    );
    expect(live.metadata.annotations['reconcile.fluxcd.io/requestedAt']).toBe(
      res.body.requestedAt,
    );
  });

  it('reconciles with source: the source is handled before the applier', async () => {
    const app =
      entities.find(
        e =>
          e.metadata.annotations?.[ANNOTATION_KUSTOMIZATION] ===
            'flux-system/infrastructure' &&
          !e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
      ) ??
      entities.find(
        e =>
          e.kind === 'Resource' &&
          (e.spec as any)?.type === 'kubernetes-cluster',
      )!;
    const ref = {
      kind: app.kind,
      namespace: app.metadata.namespace,
      name: app.metadata.name,
    };
    const res = await backend.post(entityActionPath(ref, 'reconcile'), {
      cluster: 'contour',
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'infrastructure',
      withSource: true,
    });
    expect(res.status).toBe(200);
    const source: any = sim.get(
      fluxApiVersionOf('GitRepository'),
      'GitRepository',
      'flux-system',
      'flux-system',
    );
    expect(source.metadata.annotations['reconcile.fluxcd.io/requestedAt']).toBe(
      res.body.requestedAt,
    );
    expect(source.status.lastHandledReconcileAt).toBe(res.body.requestedAt);
  });

  it('refuses to reconcile a suspended object with a clear error, and resume brings it back', async () => {
    const suspended = seeded.states.find(s => s.state === 'Suspended')!;
    const entity = deployedBy(
      entities,
      suspended.kind,
      suspended.namespace,
      suspended.name,
    );
    const ref = {
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    };
    const target = {
      cluster: 'contour',
      kind: suspended.kind,
      namespace: suspended.namespace,
      name: suspended.name,
    };
    expect(
      (await statusOf(entity)).clusters[0].objects.find(
        o => o.kind === suspended.kind,
      )!.state,
    ).toBe('Suspended');

    const refused = await backend.post(
      entityActionPath(ref, 'reconcile'),
      target,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      'is suspended; resume it to reconcile',
    );

    const resumed = await backend.post(entityActionPath(ref, 'resume'), target);
    expect(resumed.status).toBe(200);
    await eventually(
      async () => {
        const obj = (await statusOf(entity)).clusters[0].objects.find(
          o => o.kind === suspended.kind,
        )!;
        return (
          !obj.suspended &&
          obj.lastHandledReconcileAt === resumed.body.requestedAt
        );
      },
      10000,
      'resumed and reconciled',
    );

    const again = await backend.post(entityActionPath(ref, 'suspend'), target);
    expect(again.status).toBe(200);
    await eventually(
      async () =>
        (
          await statusOf(entity)
        ).clusters[0].objects.find(o => o.kind === suspended.kind)!.state ===
        'Suspended',
    );
  });

  it('only acts on objects that deploy the entity, and validates the request', async () => {
    const app = entities.find(
      e =>
        e.metadata.annotations?.[ANNOTATION_KUSTOMIZATION] ===
        'flux-system/apps',
    )!;
    const ref = {
      kind: app.kind,
      namespace: app.metadata.namespace,
      name: app.metadata.name,
    };
    const other = seeded.states.find(s => s.kind === 'HelmRelease')!;
    const res = await backend.post(entityActionPath(ref, 'reconcile'), {
      cluster: 'contour',
      kind: 'HelmRelease',
      namespace: other.namespace,
      name: other.name,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('does not deploy');
    const bad = await backend.post(entityActionPath(ref, 'reconcile'), {
      cluster: 'contour',
      kind: 'Deployment',
      namespace: 'x',
      name: 'Y!',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /'kind' must be one of Kustomization, HelmRelease.*'name' is not a valid Kubernetes name/,
    );
  });

  it('never returns HelmRelease values or Secret data', async () => {
    const hrState = seeded.states.find(
      s => s.kind === 'HelmRelease' && s.state === 'Ready',
    )!;
    const live: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      hrState.namespace,
      hrState.name,
    );
    sim.upsert({
      ...live,
      spec: {
        ...live.spec,
        values: { auth: { password: 'values-password-4711' } },
      },
    });
    const entity = deployedBy(
      entities,
      'HelmRelease',
      hrState.namespace,
      hrState.name,
    );
    await eventually(async () => {
      const res = await backend.get(
        entityStatusPath({
          kind: entity.kind,
          namespace: entity.metadata.namespace,
          name: entity.metadata.name,
        }),
      );
      return (
        res.status === 200 &&
        res.body.clusters[0].objects.length > 0 &&
        res.text
      );
    });
    const texts = [
      (
        await backend.get(
          entityStatusPath({
            kind: entity.kind,
            namespace: entity.metadata.namespace,
            name: entity.metadata.name,
          }),
        )
      ).text,
      (await backend.get('/objects')).text,
      (await backend.get('/runtime')).text,
    ];
    for (const text of texts)
      expect(text).not.toContain('values-password-4711');
  });

  it('runtime: controllers, counts by state and the discovered versions', async () => {
    const { body } = await backend.get('/runtime');
    const [cluster] = body.clusters;
    expect(cluster).toMatchObject({ cluster: 'contour', ...SHOWN_AS });
    expect(cluster.versions).toMatchObject({
      Kustomization: 'v1',
      HelmRelease: 'v2',
      GitRepository: 'v1',
    });
    const hrCount = Object.values(
      cluster.counts.HelmRelease as Record<string, number>,
    ).reduce((a, b) => a + b, 0);
    expect(hrCount).toBe(
      sim.list(fluxApiVersionOf('HelmRelease'), 'HelmRelease').length,
    );
    expect(cluster.errors).toEqual([]);
    expect(cluster.controllers.map((c: any) => c.name)).toEqual([
      'helm-controller',
      'kustomize-controller',
      'notification-controller',
      'source-controller',
    ]);
    expect(
      cluster.controllers.every(
        (c: any) =>
          c.ready && c.readyReplicas === c.replicas && /^v\d/.test(c.version),
      ),
    ).toBe(true);
  });

  it('lists every Flux object failing first, with filters', async () => {
    const all = (await backend.get('/objects')).body;
    const severity: readonly string[] = STATE_SEVERITY;
    const ranks = all.items.map((i: any) => severity.indexOf(i.state));
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    // the worst object's state and kind (earlier tests fixed some failures)
    const { state, kind } = all.items[0];
    const failing = (await backend.get(`/objects?state=${state}&kind=${kind}`))
      .body.items;
    expect(failing.length).toBeGreaterThan(0);
    expect(
      failing.every((i: any) => i.state === state && i.kind === kind),
    ).toBe(true);
    const searched = (await backend.get(`/objects?q=${failing[0].name}`)).body
      .items;
    expect(searched.map((i: any) => i.name)).toContain(failing[0].name);
    expect((await backend.get('/objects?state=Broken')).status).toBe(400);
  });

  it('lists the newest deploys: Helm releases from the release history and Kustomization applies that changed objects', async () => {
    const releases = sim
      .list(fluxApiVersionOf('HelmRelease'), 'HelmRelease')
      .flatMap((hr: any) =>
        (hr.status?.history ?? []).map((h: any) => ({
          name: hr.metadata.name,
          at: h.lastDeployed,
        })),
      )
      .filter(r => r.at);
    expect(releases.length).toBeGreaterThan(3);
    const newest = [...releases].sort((a, b) => b.at.localeCompare(a.at))[0];
    const listed = (await backend.get('/deploys?limit=3')).body;
    expect(listed.items).toHaveLength(3);
    const ats = listed.items.map((d: any) => d.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(listed.items[0]).toMatchObject({
      object: { cluster: 'contour', kind: 'HelmRelease', name: newest.name },
      at: newest.at,
      what: expect.stringMatching(/@.+ \((deployed|superseded|failed)\)$/),
    });

    // an apply that changed objects is a deploy; a run that changed nothing is not
    const ks: any = sim.list(
      fluxApiVersionOf('Kustomization'),
      'Kustomization',
    )[0];
    const { namespace, name } = ks.metadata;
    const event = (suffix: string, message: string, at: string) =>
      sim.upsert({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${name}.${suffix}`, namespace },
        involvedObject: { kind: 'Kustomization', namespace, name },
        type: 'Normal',
        reason: 'ReconciliationSucceeded',
        message,
        lastTimestamp: at,
        count: 1,
      });
    event(
      'changes',
      'Deployment/shop/web configured\nService/shop/web created',
      '2099-01-01T00:00:00Z',
    );
    event(
      'no-changes',
      'Reconciliation finished in 1.2s, next run in 10m0s',
      '2099-01-02T00:00:00Z',
    );
    const first = await eventually(
      async () => {
        const top = (await backend.get('/deploys?limit=1')).body.items[0];
        return top?.object.kind === 'Kustomization' ? top : undefined;
      },
      10000,
      'the change set listed',
    );
    expect(first).toEqual({
      object: { cluster: 'contour', kind: 'Kustomization', namespace, name },
      at: '2099-01-01T00:00:00Z',
      what: 'Deployment/shop/web configured and 1 more',
      ok: true,
    });
    for (const suffix of ['changes', 'no-changes'])
      sim.remove('v1', 'Event', namespace, `${name}.${suffix}`);
    expect((await backend.get('/deploys?limit=0')).status).toBe(400);
  });

  it('answers rolled-up states for many entities at once', async () => {
    const mapped = entities.filter(
      e => e.metadata.annotations?.[ANNOTATION_CLUSTERS],
    );
    const unmapped = entities.find(
      e => !e.metadata.annotations?.[ANNOTATION_CLUSTERS],
    )!;
    const refs = mapped.slice(0, 20).map(e => stringifyEntityRef(e));
    const { status, body } = await backend.post('/entity-states', {
      entityRefs: [
        ...refs,
        stringifyEntityRef(unmapped),
        'component:default/not-there',
      ],
    });
    expect(status).toBe(200);
    for (const ref of refs) expect(STATE_SEVERITY).toContain(body.states[ref]);
    expect(body.states['component:default/not-there']).toBeUndefined();
    expect(body.states[stringifyEntityRef(unmapped)]).toBeUndefined();
  });

  /** Waits until the simulated controllers finished what earlier tests started. */
  const quiet = () =>
    eventually(
      async () => {
        const before = sim.resourceVersion;
        await new Promise(r => setTimeout(r, 500));
        return sim.resourceVersion === before;
      },
      30000,
      'the simulated cluster settled',
    );

  it("answers the same state in the batch (catalog filter and column) as in the entity's own status (tab and card), for every entity", async () => {
    await quiet();
    const mapped = entities.filter(
      e => e.metadata.annotations?.[ANNOTATION_CLUSTERS],
    );
    const { body } = await backend.post('/entity-states', {
      entityRefs: mapped.map(e => stringifyEntityRef(e)),
    });
    const batch: Record<string, string> = {};
    const own: Record<string, string> = {};
    for (const entity of mapped) {
      const ref = stringifyEntityRef(entity);
      batch[ref] = body.states[ref];
      own[ref] = (await statusOf(entity)).state;
    }
    expect(batch).toEqual(own);
    // the example's shared Kustomizations make this more than one state
    expect(new Set(Object.values(own)).size).toBeGreaterThan(1);
  });

  it('reuses a computed status until an object it was built from changes', async () => {
    await quiet();
    const [mine, other] = seeded.states.filter(
      st => st.kind === 'HelmRelease' && st.state !== 'Suspended',
    );
    const entity = deployedBy(
      entities,
      'HelmRelease',
      mine.namespace,
      mine.name,
    );
    const path = entityStatusPath({
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    });
    const first = (await backend.get(path)).body;
    await new Promise(r => setTimeout(r, 30));
    const unrelated: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      other.namespace,
      other.name,
    );
    sim.upsert({
      ...unrelated,
      metadata: {
        ...unrelated.metadata,
        labels: { ...unrelated.metadata.labels, touched: 'yes' },
      },
    });
    await new Promise(r => setTimeout(r, 200));
    expect((await backend.get(path)).body.generatedAt).toBe(first.generatedAt);
    const live: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      mine.namespace,
      mine.name,
    );
    sim.upsert({
      ...live,
      status: { ...live.status, lastHandledReconcileAt: 'cache-test' },
    });
    const fresh = await eventually(
      async () => {
        const body = (await backend.get(path)).body;
        return (
          body.clusters[0].objects.find((o: any) => o.kind === 'HelmRelease')
            .lastHandledReconcileAt === 'cache-test' && body
        );
      },
      5000,
      'change seen',
    );
    expect(fresh.generatedAt).not.toBe(first.generatedAt);
  });

  it('answers an unchanged status with 304 to a viewer that has it', async () => {
    await quiet();
    const entity = entities.find(
      e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    )!;
    const url = `${backend.url}${entityStatusPath({
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    })}`;
    // node:http, not fetch: fetch adds Cache-Control: no-cache to conditional
    // requests (the Fetch spec), as a browser's own revalidation does not
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; etag?: string }>((resolve, reject) => {
        httpGet(url, { headers }, res => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
        }).on('error', reject);
      });
    let etag: string | undefined;
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 304; attempt++) {
      const res = await get(etag ? { 'If-None-Match': etag } : {});
      status = res.status;
      if (status === 200) etag = res.etag;
      expect([200, 304]).toContain(status);
    }
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(status).toBe(304);
  });

  it("follows an object's events as they come and go", async () => {
    const entity = entities.find(
      e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    )!;
    const [namespace, name] =
      entity.metadata.annotations![ANNOTATION_HELM_RELEASE].split('/');
    const eventsOf = async () =>
      (await statusOf(entity)).clusters[0].objects.find(
        o => o.kind === 'HelmRelease',
      )!.events!;
    const about = (e: any) =>
      e.involvedObject?.kind === 'HelmRelease' &&
      e.involvedObject?.namespace === namespace &&
      e.involvedObject?.name === name;
    const seededEvents = sim.list('v1', 'Event').filter(about);
    expect(seededEvents.length).toBeGreaterThan(0);
    sim.upsert({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.added-by-test`, namespace },
      involvedObject: { kind: 'HelmRelease', namespace, name },
      type: 'Warning',
      reason: 'AddedByTest',
      message: 'an event added by the test',
      lastTimestamp: new Date().toISOString(),
      count: 1,
    });
    await eventually(
      async () => (await eventsOf()).some(e => e.reason === 'AddedByTest'),
      10000,
      'added event shown',
    );
    for (const e of sim.list('v1', 'Event').filter(about)) {
      sim.remove('v1', 'Event', e.metadata!.namespace, e.metadata!.name!);
    }
    const gone = await eventually(
      async () => (await eventsOf()).length === 0,
      10000,
      'removed events gone',
    );
    expect(gone).toBe(true);
  });
});
