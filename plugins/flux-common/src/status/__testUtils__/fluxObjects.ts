/**
 * Realistic Flux objects for the status engine's tests, shaped after the
 * status examples in the Flux controller docs (kustomize-controller v1,
 * helm-controller v2 and v2beta1, source-controller v1).
 */
import { FluxObjectWithStatus } from '../types';

export const NOW = '2026-11-20T12:00:00Z';
export const SHA_A = 'main@sha1:3ad8ea3f64e8c3e6d1ba9d2f1f3df5e3ff60c4e2';
export const SHA_B = 'main@sha1:8c0fb5e3f2b1c6a2d9e4f71b0a3c5d6e7f8091a2';

export function kustomization(
  status: FluxObjectWithStatus['status'],
  extra: { generation?: number; suspend?: boolean; interval?: string } = {},
): FluxObjectWithStatus {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name: 'apps',
      namespace: 'flux-system',
      generation: extra.generation ?? 1,
    },
    spec: {
      interval: extra.interval ?? '10m',
      suspend: extra.suspend,
      path: './apps',
      prune: true,
    },
    status,
  };
}

export const readyKustomizationStatus = {
  conditions: [
    {
      lastTransitionTime: '2026-11-20T11:52:10Z',
      message: `Applied revision: ${SHA_A}`,
      observedGeneration: 1,
      reason: 'ReconciliationSucceeded',
      status: 'True',
      type: 'Ready',
    },
  ],
  lastAppliedRevision: SHA_A,
  lastAttemptedRevision: SHA_A,
  observedGeneration: 1,
};

export const buildFailedKustomizationStatus = {
  conditions: [
    {
      lastTransitionTime: '2026-11-20T11:40:00Z',
      message:
        "kustomize build failed: accumulating resources: accumulation err='accumulating resources from './podinfo': open /tmp/kustomization-1713942318/apps/podinfo: no such file or directory'",
      observedGeneration: 1,
      reason: 'BuildFailed',
      status: 'False',
      type: 'Ready',
    },
    {
      lastTransitionTime: '2026-11-20T11:58:00Z',
      message: `Detecting drift for revision ${SHA_B} with a timeout of 5m0s`,
      observedGeneration: 1,
      reason: 'ProgressingWithRetry',
      status: 'True',
      type: 'Reconciling',
    },
  ],
  lastAppliedRevision: SHA_A,
  lastAttemptedRevision: SHA_B,
  observedGeneration: 1,
};

export function helmRelease(
  status: FluxObjectWithStatus['status'],
  extra: { generation?: number; apiVersion?: string } = {},
): FluxObjectWithStatus {
  return {
    apiVersion: extra.apiVersion ?? 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: 'podinfo',
      namespace: 'podinfo',
      generation: extra.generation ?? 2,
    },
    spec: { interval: '5m' },
    status,
  };
}

export const readyHelmReleaseStatus = {
  conditions: [
    {
      lastTransitionTime: '2026-11-20T11:57:00Z',
      message:
        'Helm upgrade succeeded for release podinfo/podinfo.v2 with chart podinfo@6.6.1+0cc9a8446c95',
      observedGeneration: 2,
      reason: 'UpgradeSucceeded',
      status: 'True',
      type: 'Ready',
    },
    {
      lastTransitionTime: '2026-11-20T11:57:00Z',
      message:
        'Helm upgrade succeeded for release podinfo/podinfo.v2 with chart podinfo@6.6.1+0cc9a8446c95',
      observedGeneration: 2,
      reason: 'UpgradeSucceeded',
      status: 'True',
      type: 'Released',
    },
  ],
  history: [
    {
      appVersion: '6.6.1',
      chartName: 'podinfo',
      chartVersion: '6.6.1+0cc9a8446c95',
      configDigest:
        'sha256:e15c415d62760896bd8bec192a44c5716dc224db9e0fc609b9ac14718f8f9e56',
      digest:
        'sha256:e59349a6d8cf01d625de9fe73efd94b5e2a8cc8453d1b893ec367cfa2105bae9',
      firstDeployed: '2026-11-19T04:54:21Z',
      lastDeployed: '2026-11-20T11:57:00Z',
      name: 'podinfo',
      namespace: 'podinfo',
      status: 'deployed',
      version: 2,
    },
    {
      appVersion: '6.6.0',
      chartName: 'podinfo',
      chartVersion: '6.6.0+cdd538a0167e',
      firstDeployed: '2026-11-19T04:54:21Z',
      lastDeployed: '2026-11-19T04:54:21Z',
      name: 'podinfo',
      namespace: 'podinfo',
      status: 'superseded',
      version: 1,
    },
  ],
  lastAttemptedRevision: '6.6.1+0cc9a8446c95',
  lastAttemptedConfigDigest:
    'sha256:e15c415d62760896bd8bec192a44c5716dc224db9e0fc609b9ac14718f8f9e56',
  observedGeneration: 2,
};

export const installFailedHelmReleaseStatus = {
  conditions: [
    {
      lastTransitionTime: '2026-11-20T11:30:00Z',
      message:
        'Helm install failed for release podinfo/podinfo with chart podinfo@6.6.1: context deadline exceeded',
      observedGeneration: 2,
      reason: 'InstallFailed',
      status: 'False',
      type: 'Ready',
    },
    {
      lastTransitionTime: '2026-11-20T11:30:00Z',
      message: 'Failed to install after 1 attempt(s)',
      observedGeneration: 2,
      reason: 'RetriesExceeded',
      status: 'True',
      type: 'Stalled',
    },
  ],
  history: [
    {
      chartName: 'podinfo',
      chartVersion: '6.6.1',
      status: 'failed',
      version: 1,
      lastDeployed: '2026-11-20T11:25:00Z',
    },
  ],
  installFailures: 1,
  lastAttemptedRevision: '6.6.1',
  observedGeneration: 2,
} as FluxObjectWithStatus['status'];

export function gitRepository(
  revision: string,
  lastUpdateTime = '2026-11-20T11:59:00Z',
): FluxObjectWithStatus {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: 'flux-system', namespace: 'flux-system', generation: 1 },
    spec: { interval: '1m' },
    status: {
      artifact: {
        revision,
        digest:
          'sha256:ba9e51a3b5c0b5f8a7d8e5d7c2c6e0f3a1b2c3d4e5f60718293a4b5c6d7e8f90',
        lastUpdateTime,
      },
      conditions: [
        {
          lastTransitionTime: lastUpdateTime,
          message: `stored artifact for revision '${revision}'`,
          observedGeneration: 1,
          reason: 'Succeeded',
          status: 'True',
          type: 'Ready',
        },
        {
          lastTransitionTime: lastUpdateTime,
          message: `stored artifact for revision '${revision}'`,
          observedGeneration: 1,
          reason: 'Succeeded',
          status: 'True',
          type: 'ArtifactInStorage',
        },
      ],
      observedGeneration: 1,
    },
  };
}

export function helmChart(revision: string): FluxObjectWithStatus {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmChart',
    metadata: {
      name: 'podinfo-podinfo',
      namespace: 'flux-system',
      generation: 1,
    },
    spec: { interval: '5m' },
    status: {
      artifact: { revision, lastUpdateTime: '2026-11-20T11:50:00Z' },
      conditions: [
        {
          lastTransitionTime: '2026-11-20T11:50:00Z',
          message: `pulled 'podinfo' chart with version '${revision}'`,
          observedGeneration: 1,
          reason: 'ChartPullSucceeded',
          status: 'True',
          type: 'Ready',
        },
      ],
      observedGeneration: 1,
    },
  };
}
