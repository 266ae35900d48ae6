import { seedFluxStatuses } from './seedFluxStatuses';
import { FIXED_NOW, fluxFixture } from '../__testUtils__';

function find(objects: any[], kind: string, name: string) {
  return objects.find(o => o.kind === kind && o.metadata.name === name);
}

function ready(obj: any) {
  return obj.status.conditions.find((c: any) => c.type === 'Ready');
}

describe('seedFluxStatuses', () => {
  const seeded = seedFluxStatuses(fluxFixture(), { seed: 42, now: FIXED_NOW });
  const result = { states: seeded.states, objects: seeded.objects as any[] };

  it('is deterministic for a seed and differs between seeds', () => {
    expect(
      seedFluxStatuses(fluxFixture(), { seed: 42, now: FIXED_NOW }),
    ).toEqual(seeded);
    const other = seedFluxStatuses(fluxFixture(), { seed: 43, now: FIXED_NOW });
    expect(other.objects).not.toEqual(result.objects);
  });

  it('does not modify its input', () => {
    const input = fluxFixture();
    seedFluxStatuses(input, { seed: 1 });
    expect(input).toEqual(fluxFixture());
  });

  it('makes apps wait on infrastructure, which is progressing, plus one suspended and failures of both kinds', () => {
    const byName = Object.fromEntries(result.states.map(s => [s.name, s]));
    expect(byName.apps).toMatchObject({
      state: 'Waiting',
      reason: 'DependencyNotReady',
    });
    expect(byName.infrastructure.state).toBe('Progressing');
    expect(result.states.filter(s => s.state === 'Suspended')).toHaveLength(1);
    const failed = result.states.filter(s => s.state === 'Failed');
    expect(failed.map(s => s.kind).sort()).toEqual([
      'HelmRelease',
      'Kustomization',
    ]);
    expect(
      result.states.filter(s => s.state === 'Ready').length,
    ).toBeGreaterThanOrEqual(3);

    const apps = find(result.objects, 'Kustomization', 'apps');
    expect(ready(apps)).toMatchObject({
      status: 'False',
      reason: 'DependencyNotReady',
      message: "dependency 'flux-system/infrastructure' is not ready",
    });
    const infra = find(result.objects, 'Kustomization', 'infrastructure');
    expect(infra.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Reconciling',
          status: 'True',
          reason: 'Progressing',
        }),
      ]),
    );
    expect(infra.status.observedGeneration).toBeLessThan(
      infra.metadata.generation,
    );
  });

  it('gives Ready Kustomizations the applied revision of their GitRepository', () => {
    const git = find(result.objects, 'GitRepository', 'flux-system');
    expect(git.status.artifact.revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    expect(ready(git).message).toBe(
      `stored artifact for revision '${git.status.artifact.revision}'`,
    );
    const readyKs = result.states.filter(
      s => s.kind === 'Kustomization' && s.state === 'Ready',
    );
    for (const s of readyKs) {
      const ks = find(result.objects, 'Kustomization', s.name);
      expect(ready(ks)).toMatchObject({
        status: 'True',
        reason: 'ReconciliationSucceeded',
        message: `Applied revision: ${git.status.artifact.revision}`,
      });
      expect(ks.status).toMatchObject({
        lastAppliedRevision: git.status.artifact.revision,
        lastAttemptedRevision: git.status.artifact.revision,
        observedGeneration: ks.metadata.generation,
      });
      expect(ks.status.lastHandledReconcileAt).toBe(
        ks.metadata.annotations['reconcile.fluxcd.io/requestedAt'],
      );
    }
  });

  it('writes failure messages as Flux does and leaves the applied revision behind the source', () => {
    const failedKs = result.states.find(
      s => s.kind === 'Kustomization' && s.state === 'Failed',
    )!;
    const ks = find(result.objects, 'Kustomization', failedKs.name);
    expect(['BuildFailed', 'HealthCheckFailed']).toContain(ready(ks).reason);
    expect(ready(ks).message).toMatch(
      /^(kustomize build failed: |health check failed after 5m0\.\d+s: timeout waiting for: \[Deployment\/)/,
    );
    expect(ks.status.lastAppliedRevision).not.toBe(
      ks.status.lastAttemptedRevision,
    );

    const failedHr = result.states.find(
      s => s.kind === 'HelmRelease' && s.state === 'Failed',
    )!;
    const hr = find(result.objects, 'HelmRelease', failedHr.name);
    expect(ready(hr).message).toMatch(
      /^Helm (install|upgrade) failed for release [\w-]+\/[\w-]+ with chart [\w-]+@\d+\.\d+\.\d+: /,
    );
    expect(hr.status.history[0]).toMatchObject({
      status: 'failed',
      chartVersion: hr.status.lastAttemptedRevision,
    });
    const warnings = result.objects.filter(
      o => o.kind === 'Event' && o.type === 'Warning',
    );
    expect(warnings.map(e => e.involvedObject.name)).toEqual(
      expect.arrayContaining([failedKs.name, failedHr.name]),
    );
  });

  it('creates HelmCharts for HelmReleases whose artifact revision is the deployed chart version', () => {
    const chart = find(
      result.objects,
      'HelmChart',
      'cert-manager-cert-manager',
    );
    expect(chart.metadata.namespace).toBe('flux-system');
    expect(chart.spec).toMatchObject({
      chart: 'cert-manager',
      version: '1.16.x',
      sourceRef: { kind: 'HelmRepository', name: 'jetstack' },
    });
    expect(chart.status.artifact.revision).toMatch(/^1\.\d+\.\d+$/);
    const podinfoChart = find(result.objects, 'HelmChart', 'apps-podinfo');
    expect(podinfoChart.status.artifact.revision).toBe('6.7.1');
    expect(find(result.objects, 'HelmRepository', 'podinfo')).toBeDefined();
    const readyReleases = result.states.filter(
      s => s.kind === 'HelmRelease' && s.state === 'Ready',
    );
    expect(readyReleases.length).toBeGreaterThan(0);
    for (const s of readyReleases) {
      const hr = find(result.objects, 'HelmRelease', s.name);
      const hc = find(result.objects, 'HelmChart', `${s.namespace}-${s.name}`);
      expect(hr.status.history[0]).toMatchObject({
        status: 'deployed',
        chartVersion: hc.status.artifact.revision,
      });
      expect(hr.status.lastAttemptedRevision).toBe(hc.status.artifact.revision);
    }
  });

  it('adds Deployments with readiness, their Pods and the Namespaces in use', () => {
    const deployments = result.objects.filter(o => o.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      expect(d.status.conditions.map((c: any) => c.type)).toEqual([
        'Available',
        'Progressing',
      ]);
      const pods = result.objects.filter(
        o =>
          o.kind === 'Pod' &&
          o.metadata.namespace === d.metadata.namespace &&
          o.metadata.name.startsWith(`${d.metadata.name}-`),
      );
      expect(pods.length).toBe(d.spec.replicas);
      expect(
        pods.every(
          p =>
            p.status.containerStatuses[0].ready === d.status.readyReplicas > 0,
        ),
      ).toBe(true);
    }
    const namespaces = result.objects
      .filter(o => o.kind === 'Namespace')
      .map(o => o.metadata.name);
    expect(namespaces).toEqual(
      expect.arrayContaining(['flux-system', 'apps', 'cert-manager']),
    );
  });

  it('varies failures across seeds, and a failed health check names an unready Deployment that exists', () => {
    const reasons = new Set<string>();
    let checkedHealth = 0;
    const waitedForByTenants: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const run = seedFluxStatuses(fluxFixture(), { seed, now: FIXED_NOW });
      const objects = run.objects as any[];
      run.states
        .filter(s => s.state === 'Failed')
        .forEach(s => reasons.add(s.reason));
      for (const s of run.states.filter(
        x => x.reason === 'HealthCheckFailed',
      )) {
        const ks = find(objects, 'Kustomization', s.name);
        const m = /\[Deployment\/([^/]+)\/([^ ]+) status: 'InProgress'\]$/.exec(
          ready(ks).message,
        )!;
        const dep = objects.find(
          o =>
            o.kind === 'Deployment' &&
            o.metadata.namespace === m[1] &&
            o.metadata.name === m[2],
        );
        expect(dep.status).toMatchObject({
          readyReplicas: 0,
          unavailableReplicas: dep.spec.replicas,
        });
        // tenants labelled the input Deployment 'web' as its own: that is the one waited for.
        if (s.name === 'tenants') waitedForByTenants.push(dep.metadata.name);
        checkedHealth++;
      }
    }
    // drawn failures are runtime ones; a build fails only when the render does
    expect([...reasons].sort()).toEqual([
      'HealthCheckFailed',
      'InstallFailed',
      'UpgradeFailed',
    ]);
    expect(checkedHealth).toBeGreaterThan(0);
    expect(waitedForByTenants.length).toBeGreaterThan(0);
    expect(new Set(waitedForByTenants)).toEqual(new Set(['web']));
  });

  it("fails a Kustomization whose render fails with the engine's message, and its dependents wait", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const run = seedFluxStatuses(fluxFixture(), {
        seed,
        now: FIXED_NOW,
        renderFailures: [
          {
            namespace: 'flux-system',
            name: 'infrastructure',
            message:
              'infrastructure/kustomization.yaml:4: patch target matches no object',
          },
        ],
      });
      const ks = find(run.objects as any[], 'Kustomization', 'infrastructure');
      expect(ready(ks)).toMatchObject({
        status: 'False',
        reason: 'BuildFailed',
        message:
          'kustomize build failed: infrastructure/kustomization.yaml:4: patch target matches no object',
      });
      expect(run.states.find(s => s.name === 'apps')).toMatchObject({
        state: 'Waiting',
      });
    }
  });
});
