/** Flux statuses for component tests, shaped like the backend's answers. */
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_KUSTOMIZATION,
  type EntityFluxStatus,
  FluxConditionReason,
  type FluxObjectSummary,
  fluxApiVersionOf,
} from '@flux-portal/plugin-flux-common';

export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const NEXT_SHA = 'fedcba9876543210fedcba9876543210fedcba98';

export function fluxObject(
  partial: Partial<FluxObjectSummary>,
): FluxObjectSummary {
  return {
    cluster: 'prod',
    kind: 'Kustomization',
    namespace: 'flux-system',
    name: 'shop',
    apiVersion: fluxApiVersionOf('Kustomization'),
    state: 'Ready',
    reason: FluxConditionReason.ReconciliationSucceeded,
    message: `Applied revision: main@sha1:${SHA}`,
    suspended: false,
    retrying: false,
    drift: false,
    appliedRevision: `main@sha1:${SHA}`,
    sourceRevision: `main@sha1:${SHA}`,
    interval: '10m',
    lastReconcileAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    source: {
      kind: 'GitRepository',
      namespace: 'flux-system',
      name: 'flux-system',
      url: 'https://github.com/acme/fleet',
      state: 'Ready',
      revision: `main@sha1:${SHA}`,
    },
    dependsOn: [],
    events: [],
    ...partial,
  };
}

export const failingShop = fluxObject({
  state: 'Failed',
  reason: FluxConditionReason.BuildFailed,
  message: 'kustomize build failed: accumulating resources: missing file',
  appliedRevision: `main@sha1:${SHA}`,
  sourceRevision: `main@sha1:${NEXT_SHA}`,
  drift: true,
  requestedAt: undefined,
  lastHandledReconcileAt: undefined,
  dependsOn: [
    {
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'infrastructure',
      state: 'Ready',
    },
  ],
  inventory: [
    {
      kind: 'Deployment',
      group: 'apps',
      namespace: 'shop',
      name: 'shop',
      ready: false,
      readyMessage: '1/3 ready',
    },
  ],
  events: [
    {
      type: 'Warning',
      reason: FluxConditionReason.BuildFailed,
      message: 'kustomize build failed',
      timestamp: new Date(Date.now() - 60_000).toISOString(),
      count: 4,
      object: {
        cluster: 'prod',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'shop',
      },
    },
  ],
});

export const stagingRelease = fluxObject({
  cluster: 'staging',
  kind: 'HelmRelease',
  namespace: 'shop',
  name: 'shop',
  apiVersion: fluxApiVersionOf('HelmRelease'),
  message: 'Helm upgrade succeeded',
  appliedRevision: '1.4.2',
  sourceRevision: '1.4.2',
  source: {
    kind: 'HelmChart',
    namespace: 'flux-system',
    name: 'shop-shop',
    state: 'Ready',
    revision: '1.4.2',
  },
  history: [
    {
      version: 3,
      status: 'deployed',
      chartName: 'shop',
      chartVersion: '1.4.2',
      appVersion: '2.0.0',
      lastDeployed: new Date(Date.now() - 3_600_000).toISOString(),
    },
    {
      version: 2,
      status: 'superseded',
      chartName: 'shop',
      chartVersion: '1.4.1',
      appVersion: '1.9.0',
    },
  ],
});

export function shopStatus(
  overrides: { prod?: Partial<FluxObjectSummary>; generatedAt?: string } = {},
): EntityFluxStatus {
  const prodObject = { ...failingShop, ...overrides.prod };
  return {
    entityRef: 'component:default/shop',
    state: 'Failed',
    generatedAt: overrides.generatedAt ?? new Date().toISOString(),
    clusters: [
      {
        cluster: 'staging',
        state: 'Ready',
        objects: [stagingRelease],
        errors: [],
      },
      {
        cluster: 'edge',
        state: 'Unknown',
        objects: [],
        errors: [
          {
            cluster: 'edge',
            reason: 'Unreachable',
            message: 'connect ECONNREFUSED 10.0.0.9:6443',
          },
        ],
      },
      {
        cluster: 'prod',
        state: prodObject.state,
        objects: [prodObject],
        errors: [],
      },
    ],
  };
}

export const shopEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      [ANNOTATION_CLUSTERS]: 'prod,staging,edge',
      [ANNOTATION_KUSTOMIZATION]: 'flux-system/shop',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};
