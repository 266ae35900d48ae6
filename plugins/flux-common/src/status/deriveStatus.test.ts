import { deriveStatus } from './deriveStatus';
import {
  buildFailedKustomizationStatus,
  gitRepository,
  helmChart,
  helmRelease,
  installFailedHelmReleaseStatus,
  kustomization,
  NOW,
  readyHelmReleaseStatus,
  readyKustomizationStatus,
  SHA_A,
  SHA_B,
} from './__testUtils__/fluxObjects';
import { FluxObjectWithStatus } from './types';

const at = { now: NOW };

function withConditions(base: any, conditions: any[], extra: any = {}) {
  return { ...base, ...extra, conditions };
}

describe('deriveStatus', () => {
  it('reads a reconciled Kustomization as Ready with its revisions and generations', () => {
    const s = deriveStatus(kustomization(readyKustomizationStatus), at);
    expect(s).toMatchObject({
      state: 'Ready',
      reason: 'ReconciliationSucceeded',
      message: `Applied revision: ${SHA_A}`,
      observedGenerationCurrent: true,
      generation: 1,
      observedGeneration: 1,
      appliedRevision: SHA_A,
      attemptedRevision: SHA_A,
      suspended: false,
      retrying: false,
      lastReconcileAt: '2026-11-20T11:52:10.000Z',
      intervalMs: 600_000,
    });
    expect(s.sourceRevision).toBeUndefined();
  });

  it('takes sourceRevision and drift from the source when given', () => {
    const failed = deriveStatus(kustomization(buildFailedKustomizationStatus), {
      ...at,
      source: gitRepository(SHA_B),
    });
    expect(failed).toMatchObject({
      state: 'Failed',
      appliedRevision: SHA_A,
      sourceRevision: SHA_B,
      drift: true,
    });
    const ready = deriveStatus(helmRelease(readyHelmReleaseStatus), {
      ...at,
      source: helmChart('6.6.1+0cc9a8446c95'),
    });
    expect(ready).toMatchObject({
      state: 'Ready',
      sourceRevision: '6.6.1+0cc9a8446c95',
      drift: false,
    });
    expect(
      deriveStatus(kustomization(buildFailedKustomizationStatus), at),
    ).toMatchObject({ drift: false, sourceRevision: undefined });
    expect(deriveStatus(gitRepository(SHA_B), at).drift).toBe(false);
  });

  it('reads a deployed HelmRelease as Ready with the deployed chart version', () => {
    const s = deriveStatus(helmRelease(readyHelmReleaseStatus), at);
    expect(s).toMatchObject({
      state: 'Ready',
      reason: 'UpgradeSucceeded',
      appliedRevision: '6.6.1+0cc9a8446c95',
      attemptedRevision: '6.6.1+0cc9a8446c95',
    });
  });

  it('reads sources as Ready with their artifact revision', () => {
    const s = deriveStatus(gitRepository(SHA_B), at);
    expect(s).toMatchObject({
      state: 'Ready',
      reason: 'Succeeded',
      sourceRevision: SHA_B,
    });
    expect(s.appliedRevision).toBeUndefined();
    expect(deriveStatus(helmChart('6.6.1'), at)).toMatchObject({
      state: 'Ready',
      reason: 'ChartPullSucceeded',
      sourceRevision: '6.6.1',
    });
  });

  it('is Failed for Ready=False, noting that the controller retries', () => {
    const s = deriveStatus(kustomization(buildFailedKustomizationStatus), at);
    expect(s.state).toBe('Failed');
    expect(s.reason).toBe('BuildFailed');
    expect(s.message).toMatch(/^kustomize build failed: /);
    expect(s.retrying).toBe(true);
    expect(s.appliedRevision).toBe(SHA_A);
    expect(s.attemptedRevision).toBe(SHA_B);
  });

  it('is Failed for Stalled=True, with the stalled reason', () => {
    const s = deriveStatus(helmRelease(installFailedHelmReleaseStatus), at);
    expect(s).toMatchObject({
      state: 'Failed',
      reason: 'RetriesExceeded',
      message: 'Failed to install after 1 attempt(s)',
      retrying: false,
    });
    // A failed install has no deployed release.
    expect(s.appliedRevision).toBeUndefined();
    expect(s.attemptedRevision).toBe('6.6.1');
  });

  it('is Failed for a health check failure', () => {
    const status = withConditions(readyKustomizationStatus, [
      {
        type: 'Ready',
        status: 'False',
        reason: 'HealthCheckFailed',
        message:
          "health check failed after 5m0.035s: timeout waiting for: [Deployment/podinfo/podinfo status: 'InProgress']",
        lastTransitionTime: '2026-11-20T11:50:00Z',
      },
      {
        type: 'Healthy',
        status: 'False',
        reason: 'HealthCheckFailed',
        message: 'x',
        lastTransitionTime: '2026-11-20T11:50:00Z',
      },
    ]);
    expect(deriveStatus(kustomization(status), at)).toMatchObject({
      state: 'Failed',
      reason: 'HealthCheckFailed',
    });
  });

  it('is Waiting for DependencyNotReady', () => {
    const status = withConditions(readyKustomizationStatus, [
      {
        type: 'Ready',
        status: 'False',
        reason: 'DependencyNotReady',
        message: "dependency 'flux-system/infrastructure' is not ready",
        lastTransitionTime: '2026-11-20T11:59:00Z',
      },
    ]);
    expect(deriveStatus(kustomization(status), at)).toMatchObject({
      state: 'Waiting',
      reason: 'DependencyNotReady',
      message: "dependency 'flux-system/infrastructure' is not ready",
    });
  });

  it('is Progressing while Reconciling=True (Progressing), even over an earlier failure', () => {
    const status = withConditions(buildFailedKustomizationStatus, [
      {
        type: 'Reconciling',
        status: 'True',
        reason: 'Progressing',
        message: 'Reconciliation in progress',
        lastTransitionTime: NOW,
      },
      {
        type: 'Ready',
        status: 'False',
        reason: 'BuildFailed',
        message: 'kustomize build failed',
        lastTransitionTime: NOW,
      },
    ]);
    expect(deriveStatus(kustomization(status), at)).toMatchObject({
      state: 'Progressing',
      reason: 'Progressing',
      message: 'Reconciliation in progress',
    });
  });

  it('is Progressing when Ready=Unknown', () => {
    const status = withConditions(readyHelmReleaseStatus, [
      {
        type: 'Ready',
        status: 'Unknown',
        reason: 'Progressing',
        message: 'Fulfilling prerequisites',
        lastTransitionTime: NOW,
      },
    ]);
    expect(deriveStatus(helmRelease(status), at)).toMatchObject({
      state: 'Progressing',
      message: 'Fulfilling prerequisites',
    });
  });

  it('is Progressing when the latest generation is not observed yet, even if Ready=True', () => {
    const s = deriveStatus(
      kustomization(readyKustomizationStatus, { generation: 2 }),
      at,
    );
    expect(s).toMatchObject({
      state: 'Progressing',
      reason: 'GenerationNotObserved',
      observedGenerationCurrent: false,
      generation: 2,
      observedGeneration: 1,
    });
    // Falls back to the Ready condition's observedGeneration when status has none.
    const { observedGeneration, ...noTopLevel } = readyKustomizationStatus;
    expect(
      deriveStatus(kustomization(noTopLevel, { generation: 2 }), at).state,
    ).toBe('Progressing');
    expect(
      deriveStatus(kustomization(noTopLevel, { generation: 1 }), at).state,
    ).toBe('Ready');
  });

  it('is Suspended when spec.suspend, whatever the conditions say', () => {
    const s = deriveStatus(
      kustomization(buildFailedKustomizationStatus, { suspend: true }),
      at,
    );
    expect(s.state).toBe('Suspended');
    expect(s.suspended).toBe(true);
    expect(s.message).toMatch(
      /^Reconciliation is suspended; last status: kustomize build failed/,
    );
    expect(
      deriveStatus(kustomization(undefined, { suspend: true }), at).message,
    ).toBe('Reconciliation is suspended');
  });

  describe('Stale', () => {
    const old = (time: string, extra: any = {}) =>
      kustomization(
        withConditions(
          readyKustomizationStatus,
          [
            {
              ...readyKustomizationStatus.conditions[0],
              lastTransitionTime: time,
            },
          ],
          extra,
        ),
      );

    it('is Stale when nothing happened within 3 intervals', () => {
      const s = deriveStatus(old('2026-11-20T11:29:00Z'), at); // 31 min > 3 × 10m
      expect(s.state).toBe('Stale');
      expect(s.reason).toBe('NoReconcileWithinIntervals');
      expect(s.message).toContain('more than 3 × interval 10m');
      expect(deriveStatus(old('2026-11-20T11:31:00Z'), at).state).toBe('Ready'); // 29 min
    });

    it('counts lastHandledReconcileAt (RFC3339Nano with an offset, as the flux CLI writes it)', () => {
      const obj = old('2026-11-19T00:00:00Z', {
        lastHandledReconcileAt: '2026-11-20T12:55:01.123456789+01:00',
      });
      const s = deriveStatus(obj, at);
      expect(s.state).toBe('Ready');
      expect(s.lastReconcileAt).toBe('2026-11-20T11:55:01.123Z');
    });

    it('ignores a requestedAt value that is not a timestamp', () => {
      const obj = old('2026-11-19T00:00:00Z', {
        lastHandledReconcileAt: '1700000000',
      });
      expect(deriveStatus(obj, at).state).toBe('Stale');
    });

    it('honours staleAfterIntervals and the interval, and can be turned off', () => {
      expect(
        deriveStatus(old('2026-11-20T11:29:00Z'), {
          ...at,
          staleAfterIntervals: 4,
        }).state,
      ).toBe('Ready');
      expect(
        deriveStatus(old('2026-11-19T00:00:00Z'), {
          ...at,
          staleAfterIntervals: 0,
        }).state,
      ).toBe('Ready');
      const hourly = kustomization(
        withConditions(readyKustomizationStatus, [
          {
            ...readyKustomizationStatus.conditions[0],
            lastTransitionTime: '2026-11-20T10:00:00Z',
          },
        ]),
        { interval: '1h30m' },
      );
      expect(deriveStatus(hourly, at).state).toBe('Ready');
      expect(deriveStatus(hourly, { now: '2026-11-20T14:31:00Z' }).state).toBe(
        'Stale',
      );
    });

    it('judges only Kustomizations by default: HelmReleases and sources write only on change', () => {
      const quietRelease = helmRelease({
        ...readyHelmReleaseStatus,
        conditions: [
          {
            ...readyHelmReleaseStatus.conditions[0],
            lastTransitionTime: '2026-11-01T00:00:00Z',
          },
        ],
        history: [
          {
            ...readyHelmReleaseStatus.history[0],
            lastDeployed: '2026-11-01T00:00:00Z',
          },
        ],
      });
      const quietSource = gitRepository(SHA_A, '2026-11-01T00:00:00Z');
      expect(deriveStatus(quietRelease, at).state).toBe('Ready');
      expect(deriveStatus(quietSource, at).state).toBe('Ready');
      const everything = {
        ...at,
        staleKinds: ['Kustomization', 'HelmRelease', 'GitRepository'],
      };
      expect(deriveStatus(quietRelease, everything).state).toBe('Stale');
      expect(deriveStatus(quietSource, everything).state).toBe('Stale');
      expect(
        deriveStatus(old('2026-11-19T00:00:00Z'), { ...at, staleKinds: [] })
          .state,
      ).toBe('Ready');
    });

    it('takes a HelmRelease deploy or a source artifact update as activity when judged', () => {
      const judgeAll = { ...at, staleKinds: ['HelmRelease', 'GitRepository'] };
      const hr = helmRelease(
        withConditions(readyHelmReleaseStatus, [
          {
            ...readyHelmReleaseStatus.conditions[0],
            lastTransitionTime: '2026-11-01T00:00:00Z',
          },
        ]),
      );
      expect(deriveStatus(hr, judgeAll).state).toBe('Ready'); // history[0].lastDeployed is 11:57
      expect(
        deriveStatus(gitRepository(SHA_A, '2026-11-20T11:58:00Z'), judgeAll)
          .state,
      ).toBe('Ready');
      expect(
        deriveStatus(gitRepository(SHA_A, '2026-11-20T11:50:00Z'), judgeAll)
          .state,
      ).toBe('Stale'); // 10 min > 3 × 1m
    });

    it('does not call an object without an interval or timestamps Stale', () => {
      const noInterval = {
        ...kustomization(readyKustomizationStatus),
        spec: {},
      };
      expect(
        deriveStatus(noInterval, { now: '2030-01-01T00:00:00Z' }).state,
      ).toBe('Ready');
    });
  });

  it('is Unknown without a Ready condition or for junk, and never throws', () => {
    expect(deriveStatus(kustomization(undefined), at)).toMatchObject({
      state: 'Unknown',
      reason: 'NoStatus',
    });
    expect(deriveStatus(kustomization({ conditions: [] }), at).state).toBe(
      'Unknown',
    );
    expect(deriveStatus(undefined, at).state).toBe('Unknown');
    expect(
      deriveStatus(
        { status: { conditions: 'nope' as any } } as FluxObjectWithStatus,
        at,
      ).state,
    ).toBe('Unknown');
    expect(
      deriveStatus(
        { status: { conditions: [null as any, { type: 'Ready' }] } },
        at,
      ).state,
    ).toBe('Unknown');
  });

  it('treats a static OCI HelmRepository without conditions as Ready', () => {
    const repo: FluxObjectWithStatus = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'podinfo', namespace: 'flux-system', generation: 1 },
      spec: { type: 'oci', interval: '5m' },
      status: {},
    };
    expect(deriveStatus(repo, at)).toMatchObject({
      state: 'Ready',
      reason: 'Static',
    });
  });

  it('reads a v2beta1 HelmRelease by lastAppliedRevision', () => {
    const status = {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: 'Release reconciliation succeeded',
          lastTransitionTime: '2026-11-20T11:55:00Z',
        },
      ],
      lastAppliedRevision: '4.0.6',
      lastAttemptedRevision: '4.0.6',
      lastReleaseRevision: 3,
      observedGeneration: 2,
    };
    expect(
      deriveStatus(
        helmRelease(status, { apiVersion: 'helm.toolkit.fluxcd.io/v2beta1' }),
        at,
      ),
    ).toMatchObject({
      state: 'Ready',
      appliedRevision: '4.0.6',
    });
  });
});
