import {
  startClusterSimulator,
  ClusterSimulator,
  seedFluxStatuses,
} from './index';
import {
  client,
  FIXED_NOW,
  fluxFixture,
  RawWatch,
  watchUrl,
} from './__testUtils__';

const KS =
  '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations';
const HR = '/apis/helm.toolkit.fluxcd.io/v2/namespaces';
const REQUESTED = 'reconcile.fluxcd.io/requestedAt';

function equal(a: unknown[], b: unknown[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function ready(obj: any) {
  return obj.status.conditions.find((c: any) => c.type === 'Ready');
}

describe('merge-patch and simulated controllers', () => {
  let sim: ClusterSimulator;
  let watch: RawWatch | undefined;
  afterEach(async () => {
    watch?.close();
    await sim?.stop();
  });

  async function start() {
    const seeded = seedFluxStatuses(fluxFixture(), { seed: 7, now: FIXED_NOW });
    sim = await startClusterSimulator({
      objects: seeded.objects,
      reconcileDelays: { startMs: 20, finishMs: 60 },
    });
    return { api: client(sim), states: seeded.states };
  }

  it('reconciles on a new requestedAt annotation: Reconciling, then Ready with lastHandledReconcileAt and an Event', async () => {
    const { api, states } = await start();
    const failed = states.find(
      s => s.kind === 'Kustomization' && s.state === 'Failed',
    )!;
    expect(failed).toBeDefined();
    const path = `${KS}/${failed.name}`;
    const before = (await api.get(path)).body;
    expect(ready(before).status).toBe('False');

    watch = new RawWatch(
      watchUrl(sim, KS, {
        resourceVersion: before.metadata.resourceVersion,
        fieldSelector: `metadata.name=${failed.name}`,
      }),
      sim.token,
    );
    const requestedAt = '2026-11-20T12:34:56.789Z';
    const patched = await api.patch(path, {
      metadata: { annotations: { [REQUESTED]: requestedAt } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.annotations[REQUESTED]).toBe(requestedAt);
    // Annotations are metadata: no generation bump.
    expect(patched.body.metadata.generation).toBe(before.metadata.generation);

    const events = await watch.until(e => ready(e.object)?.status === 'True');
    const progressing = events.find(e =>
      e.object.status.conditions.some(
        (c: any) =>
          c.type === 'Reconciling' &&
          c.status === 'True' &&
          c.reason === 'Progressing',
      ),
    );
    expect(progressing).toBeDefined();
    expect(ready(progressing!.object).status).toBe('Unknown');

    const done = events[events.length - 1].object;
    expect(done.status.lastHandledReconcileAt).toBe(requestedAt);
    expect(ready(done).reason).toBe('ReconciliationSucceeded');
    const source = (
      await api.get(
        '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories/flux-system',
      )
    ).body;
    expect(done.status.lastAppliedRevision).toBe(
      source.status.artifact.revision,
    );
    expect(ready(done).message).toBe(
      `Applied revision: ${source.status.artifact.revision}`,
    );
    expect(
      done.status.conditions.some((c: any) => c.type === 'Reconciling'),
    ).toBe(false);
    const rvs = events.map(e => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);

    const evs = await api.get(
      `/api/v1/namespaces/flux-system/events?fieldSelector=${encodeURIComponent(
        `involvedObject.name=${failed.name},reason=ReconciliationSucceeded`,
      )}`,
    );
    const next = before.spec.interval === '1h' ? '1h0m0s' : '10m0s';
    expect(evs.body.items.map((e: any) => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Reconciliation finished in [\\d.]+s, next run in ${next}$`,
        ),
      ),
    ]);
    expect(evs.body.items[0].involvedObject).toMatchObject({
      kind: 'Kustomization',
      uid: before.metadata.uid,
    });
  });

  it('does not cure a render failure: a requested reconcile is handled and fails the same way', async () => {
    const message =
      'monitoring/kustomization.yaml:3: accumulating resources: missing.yaml not found';
    const seeded = seedFluxStatuses(fluxFixture(), {
      seed: 7,
      now: FIXED_NOW,
      renderFailures: [
        { namespace: 'flux-system', name: 'monitoring', message },
      ],
    });
    sim = await startClusterSimulator({
      objects: seeded.objects,
      reconcileDelays: { startMs: 20, finishMs: 60 },
    });
    const api = client(sim);
    const path = `${KS}/monitoring`;
    const before = (await api.get(path)).body;
    expect(ready(before)).toMatchObject({
      status: 'False',
      reason: 'BuildFailed',
      message: `kustomize build failed: ${message}`,
    });
    watch = new RawWatch(
      watchUrl(sim, KS, {
        resourceVersion: before.metadata.resourceVersion,
        fieldSelector: 'metadata.name=monitoring',
      }),
      sim.token,
    );
    const requestedAt = '2026-11-20T12:34:56.789Z';
    await api.patch(path, {
      metadata: { annotations: { [REQUESTED]: requestedAt } },
    });
    const events = await watch.until(
      e => e.object.status.lastHandledReconcileAt === requestedAt,
    );
    const done = events[events.length - 1].object;
    expect(ready(done)).toMatchObject({
      status: 'False',
      reason: 'BuildFailed',
      message: `kustomize build failed: ${message}`,
    });
    expect(events.some(e => ready(e.object)?.status === 'True')).toBe(false);
  });

  it('reconciles a failed HelmRelease into a new deployed release', async () => {
    const { api, states } = await start();
    const failed = states.find(
      s => s.kind === 'HelmRelease' && s.state === 'Failed',
    )!;
    const path = `${HR}/${failed.namespace}/helmreleases/${failed.name}`;
    const before = (await api.get(path)).body;
    await api.patch(path, {
      metadata: { annotations: { [REQUESTED]: 'now-1' } },
    });
    let after = before;
    for (let i = 0; i < 250 && ready(after).status !== 'True'; i++) {
      await new Promise(r => setTimeout(r, 20));
      after = (await api.get(path)).body;
    }
    expect(ready(after).status).toBe('True');
    expect(ready(after).reason).toBe('UpgradeSucceeded');
    expect(after.status.lastHandledReconcileAt).toBe('now-1');
    expect(after.status.history[0]).toMatchObject({
      status: 'deployed',
      version: before.status.history[0].version + 1,
    });
    expect(after.status.history[0].chartVersion).toBe(
      after.status.lastAttemptedRevision,
    );
    expect(after.status.conditions.some((c: any) => c.type === 'Stalled')).toBe(
      false,
    );
  });

  it('bumps generation on spec changes, keeps status out of main-resource patches, and leaves suspended objects alone', async () => {
    const { api, states } = await start();
    const readyKs = states.find(
      s => s.kind === 'Kustomization' && s.state === 'Ready',
    )!;
    const path = `${KS}/${readyKs.name}`;
    const before = (await api.get(path)).body;

    const suspended = await api.patch(path, {
      spec: { suspend: true },
      status: { conditions: [] },
    });
    expect(suspended.body.spec.suspend).toBe(true);
    expect(suspended.body.metadata.generation).toBe(
      before.metadata.generation + 1,
    );
    expect(Number(suspended.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(before.metadata.resourceVersion),
    );
    expect(suspended.body.status).toEqual(before.status);

    await api.patch(path, {
      metadata: { annotations: { [REQUESTED]: 'while-suspended' } },
    });
    await new Promise(r => setTimeout(r, 200));
    const still = (await api.get(path)).body;
    expect(still.status).toEqual(before.status);
    expect(still.status.observedGeneration).toBe(before.metadata.generation);

    const resumed = await api.patch(path, { spec: { suspend: false } });
    expect(resumed.body.metadata.generation).toBe(
      before.metadata.generation + 2,
    );
    let after = resumed.body;
    for (
      let i = 0;
      i < 250 &&
      after.status.observedGeneration !== resumed.body.metadata.generation;
      i++
    ) {
      await new Promise(r => setTimeout(r, 20));
      after = (await api.get(path)).body;
    }
    expect(after.status.observedGeneration).toBe(
      resumed.body.metadata.generation,
    );
    expect(ready(after).status).toBe('True');
    expect(after.status.lastHandledReconcileAt).toBe('while-suspended');
  });

  it('keeps a dependent Waiting until its dependency is Ready, then reconciles it by itself', async () => {
    const { api, states } = await start();
    expect(states.find(s => s.name === 'apps')!.state).toBe('Waiting');
    const waitFor = async (name: string, check: (obj: any) => boolean) => {
      let obj = (await api.get(`${KS}/${name}`)).body;
      for (let i = 0; i < 250 && !check(obj); i++) {
        await new Promise(r => setTimeout(r, 20));
        obj = (await api.get(`${KS}/${name}`)).body;
      }
      return obj;
    };

    await api.patch(`${KS}/apps`, {
      metadata: { annotations: { [REQUESTED]: 'apps-1' } },
    });
    const stillWaiting = await waitFor(
      'apps',
      o => o.status.lastHandledReconcileAt === 'apps-1',
    );
    expect(ready(stillWaiting)).toMatchObject({
      status: 'False',
      reason: 'DependencyNotReady',
      message: "dependency 'flux-system/infrastructure' is not ready",
    });

    await api.patch(`${KS}/infrastructure`, {
      metadata: { annotations: { [REQUESTED]: 'infra-1' } },
    });
    expect(
      ready(await waitFor('infrastructure', o => ready(o).status === 'True'))
        .status,
    ).toBe('True');
    // Nobody asked apps to reconcile again: the controller requeued it.
    const apps = await waitFor('apps', o => ready(o).status === 'True');
    expect(apps.status.lastHandledReconcileAt).toBe('apps-1');
    expect(ready(apps)).toMatchObject({
      status: 'True',
      reason: 'ReconciliationSucceeded',
    });
  });

  it('reconciles every applier of a source to a new artifact (a pushed commit, a new chart)', async () => {
    const { api, states } = await start();
    const kustomizations = states.filter(s => s.kind === 'Kustomization');
    const applied = () =>
      Promise.all(
        kustomizations.map(
          async s =>
            (await api.get(`${KS}/${s.name}`)).body.status.lastAppliedRevision,
        ),
      );
    const before = await applied();
    const pushed = await api.post('/_simulator/new-artifact', {
      kind: 'GitRepository',
      namespace: 'flux-system',
      name: 'flux-system',
    });
    expect(pushed.status).toBe(200);
    const revision = pushed.body.revision;
    expect(revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    expect(before).not.toContain(revision);
    const git = (
      await api.get(
        '/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/gitrepositories/flux-system',
      )
    ).body;
    expect(ready(git).message).toBe(
      `stored artifact for revision '${revision}'`,
    );

    // All but the suspended one follow the new commit; that one keeps what it had.
    const expected = kustomizations.map((s, k) =>
      s.state === 'Suspended' ? before[k] : revision,
    );
    let revisions = await applied();
    for (let i = 0; i < 250 && !equal(revisions, expected); i++) {
      await new Promise(r => setTimeout(r, 20));
      revisions = await applied();
    }
    expect(revisions).toEqual(expected);

    sim.newArtifact('HelmChart', 'flux-system', 'apps-podinfo', '6.8.0');
    const path = `${HR}/apps/helmreleases/podinfo`;
    let hr = (await api.get(path)).body;
    for (
      let i = 0;
      i < 250 && hr.status.history[0].chartVersion !== '6.8.0';
      i++
    ) {
      await new Promise(r => setTimeout(r, 20));
      hr = (await api.get(path)).body;
    }
    expect(hr.status.history[0]).toMatchObject({
      chartVersion: '6.8.0',
      status: 'deployed',
    });
    expect(ready(hr).message).toMatch(/with chart podinfo@6\.8\.0$/);
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const { api, states } = await start();
    const path = `${KS}/${states.find(s => s.kind === 'Kustomization')!.name}`;
    const before = (await api.get(path)).body;
    const same = await api.patch(path, {
      spec: { interval: before.spec.interval },
    });
    expect(same.body.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('answers 415 for other patch types, 409 for a stale resourceVersion and 404 for a missing object', async () => {
    const { api, states } = await start();
    const path = `${KS}/${states.find(s => s.kind === 'Kustomization')!.name}`;
    const json = await api.patch(
      path,
      [{ op: 'add', path: '/spec/suspend', value: true }],
      'application/json-patch+json',
    );
    expect(json.status).toBe(415);
    expect(json.body.reason).toBe('UnsupportedMediaType');
    const stale = await api.patch(path, {
      metadata: { resourceVersion: '1' },
      spec: { suspend: true },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    const missing = await api.patch(`${KS}/nope`, { spec: { suspend: true } });
    expect(missing.status).toBe(404);
  });

  it('patches status through the status subresource', async () => {
    const { api, states } = await start();
    const path = `${KS}/${states.find(s => s.kind === 'Kustomization')!.name}`;
    const res = await api.patch(`${path}/status`, {
      status: { lastAppliedRevision: 'main@sha1:abc' },
      spec: { suspend: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.status.lastAppliedRevision).toBe('main@sha1:abc');
    expect(res.body.spec.suspend).not.toBe(true);
  });

  it('re-runs Kustomizations every interval when periodic reconciles are on: Ready stays Ready, failures fail again', async () => {
    const seeded = seedFluxStatuses(fluxFixture(), { seed: 7, now: FIXED_NOW });
    sim = await startClusterSimulator({
      objects: seeded.objects,
      reconcileDelays: { startMs: 5, finishMs: 10 },
      // The seeded times are days before the real clock: every run is due at once.
      periodicReconcile: { checkEveryMs: 20 },
    });
    const api = client(sim);
    const byState = (state: string) =>
      seeded.states.find(s => s.kind === 'Kustomization' && s.state === state)!;
    const get = async (name: string) => (await api.get(`${KS}/${name}`)).body;
    const readyBefore = await get(byState('Ready').name);
    const failedBefore = await get(byState('Failed').name);
    const suspendedBefore = await get(byState('Suspended').name);
    const releaseBefore = (await api.get(`${HR}/apps/helmreleases/podinfo`))
      .body;

    const moved = (before: any, after: any) =>
      ready(after).lastTransitionTime !== ready(before).lastTransitionTime &&
      !after.status.conditions.some(
        (c: any) => c.type === 'Reconciling' && c.reason === 'Progressing',
      );
    let readyAfter = readyBefore;
    let failedAfter = failedBefore;
    for (
      let i = 0;
      i < 250 &&
      !(moved(readyBefore, readyAfter) && moved(failedBefore, failedAfter));
      i++
    ) {
      await new Promise(r => setTimeout(r, 20));
      readyAfter = await get(byState('Ready').name);
      failedAfter = await get(byState('Failed').name);
    }
    expect(ready(readyAfter)).toMatchObject({
      status: 'True',
      reason: 'ReconciliationSucceeded',
    });
    expect(Date.parse(ready(readyAfter).lastTransitionTime)).toBeGreaterThan(
      Date.parse(ready(readyBefore).lastTransitionTime),
    );
    expect(readyAfter.status.lastHandledReconcileAt).toBe(
      readyBefore.status.lastHandledReconcileAt,
    );

    expect(ready(failedAfter)).toMatchObject({
      status: 'False',
      reason: ready(failedBefore).reason,
      message: ready(failedBefore).message,
    });
    expect(Date.parse(ready(failedAfter).lastTransitionTime)).toBeGreaterThan(
      Date.parse(ready(failedBefore).lastTransitionTime),
    );

    expect((await get(byState('Suspended').name)).status).toEqual(
      suspendedBefore.status,
    );
    expect(
      (await api.get(`${HR}/apps/helmreleases/podinfo`)).body.status,
    ).toEqual(releaseBefore.status);
  });
});
