import { healthErrors } from './healthErrors';
import { WATCHED_KINDS } from './watchedKinds';

const [kustomization, helmRelease] = WATCHED_KINDS;
const base = { cluster: 'prod', late: false, timeoutMs: 5000 };

describe('healthErrors', () => {
  it('reports discovery: failing, in progress, then late', () => {
    const unreachable = {
      cluster: 'prod',
      reason: 'Unreachable',
      message: "cluster 'prod' is unreachable (ECONNREFUSED)",
    };
    expect(
      healthErrors({ ...base, discoveryError: unreachable, informers: [] }),
    ).toEqual([unreachable]);
    expect(healthErrors({ ...base, informers: [] })[0].reason).toBe('Syncing');
    expect(
      healthErrors({ ...base, late: true, informers: [] })[0].message,
    ).toBe(
      "cluster 'prod' did not answer API discovery within 5000 ms; still trying",
    );
  });

  it("reports each failing kind's own error and the kinds still listing, for the kinds asked about", () => {
    const forbidden = {
      cluster: 'prod',
      reason: 'Forbidden',
      message: 'HelmRelease in cluster prod: forbidden (403)',
      kinds: ['HelmRelease'],
    };
    const informers = [
      { kind: kustomization, synced: false },
      { kind: helmRelease, synced: false, error: forbidden },
    ];
    expect(healthErrors({ ...base, late: true, informers })).toEqual(
      [
        {
          cluster: 'prod',
          reason: 'Timeout',
          message:
            "cluster 'prod' did not list Kustomization within 5000 ms; still trying",
          kinds: ['Kustomization'],
        },
        forbidden,
      ].reverse(),
    );
    expect(healthErrors({ ...base, informers }, ['HelmRelease'])).toEqual([
      forbidden,
    ]);
    expect(
      healthErrors({
        ...base,
        informers: [{ kind: kustomization, synced: true }],
      }),
    ).toEqual([]);
  });
});
