/*
 * The seeded and reconciled objects must be objects a real cluster could
 * hold: each is validated against the schema of its kind (Kubernetes OpenAPI,
 * Flux CRDs) with kubectl-style strict unknown-field checks.
 */
import { validateKubeObject } from '@flux-portal/test-utils';
import { seedFluxStatuses, startClusterSimulator } from './index';
import { client, FIXED_NOW, fluxFixture } from './__testUtils__';

describe('schema validity of simulated objects', () => {
  it('seeds only schema-valid objects, across seeds', () => {
    const errors: string[] = [];
    let checked = 0;
    for (const seed of [1, 2, 3, 4, 5, 42]) {
      for (const obj of seedFluxStatuses(fluxFixture(), {
        seed,
        now: FIXED_NOW,
      }).objects) {
        errors.push(...validateKubeObject(obj));
        checked++;
      }
    }
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps objects schema-valid through a simulated reconcile', async () => {
    const seeded = seedFluxStatuses(fluxFixture(), { seed: 9, now: FIXED_NOW });
    const sim = await startClusterSimulator({
      objects: seeded.objects,
      reconcileDelays: { startMs: 5, finishMs: 10 },
    });
    try {
      const api = client(sim);
      const targets = seeded.states.filter(s => s.state !== 'Suspended');
      for (const s of targets) {
        const plural =
          s.kind === 'Kustomization'
            ? 'kustomize.toolkit.fluxcd.io/v1/namespaces'
            : 'helm.toolkit.fluxcd.io/v2/namespaces';
        await api.patch(
          `/apis/${plural}/${s.namespace}/${s.kind.toLowerCase()}s/${s.name}`,
          {
            metadata: {
              annotations: {
                'reconcile.fluxcd.io/requestedAt': '2026-11-20T12:30:00Z',
              },
            },
          },
        );
      }
      const snapshot = () => [
        ...sim.list('kustomize.toolkit.fluxcd.io/v1', 'Kustomization'),
        ...sim.list('helm.toolkit.fluxcd.io/v2', 'HelmRelease'),
        ...sim.list('v1', 'Event'),
      ];
      const handledIn = (objects: ReturnType<typeof snapshot>) =>
        objects.filter(
          o =>
            o.status?.lastHandledReconcileAt === '2026-11-20T12:30:00Z' &&
            !o.status?.conditions?.some((c: any) => c.type === 'Reconciling'),
        );
      let all = snapshot();
      for (let i = 0; i < 250 && handledIn(all).length < targets.length; i++) {
        await new Promise(r => setTimeout(r, 20));
        all = snapshot();
      }
      const handled = handledIn(all);
      expect(handled.length).toBe(targets.length);
      expect(all.flatMap(o => validateKubeObject(o))).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
