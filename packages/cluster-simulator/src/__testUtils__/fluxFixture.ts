/** Flux objects for tests: a small platform, and a Kustomization already Ready. */
import { ClusterObject } from '../clusterObject';

export const FIXED_NOW = new Date('2026-11-20T12:00:00Z');

export function fluxFixture(): ClusterObject[] {
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        url: 'ssh://git@example.com/platform/fleet.git',
        ref: { branch: 'main' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'infrastructure',
        namespace: 'flux-system',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '10m',
        path: './infrastructure',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'apps',
        namespace: 'flux-system',
        labels: { tier: 'apps' },
      },
      spec: {
        interval: '10m',
        path: './apps',
        prune: true,
        dependsOn: [{ name: 'infrastructure' }],
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'monitoring',
        namespace: 'flux-system',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '1h',
        path: './infrastructure/monitoring',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
    ...['ingress', 'tenants', 'policies'].map(name => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name, namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: `./infrastructure/${name}`,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    })),
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'ingress-nginx', namespace: 'ingress-nginx' },
      spec: {
        interval: '1h',
        releaseName: 'ingress-nginx',
        chart: {
          spec: {
            chart: 'ingress-nginx',
            version: '>=4.10.0',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'ingress-nginx',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'team-a',
        labels: {
          'kustomize.toolkit.fluxcd.io/name': 'tenants',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        },
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [{ name: 'web', image: 'ghcr.io/example/web:1.4.2' }],
          },
        },
      },
    },
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'jetstack', namespace: 'flux-system' },
      spec: { interval: '1h', url: 'https://charts.jetstack.io' },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: 'cert-manager',
        namespace: 'cert-manager',
        labels: { tier: 'infra' },
      },
      spec: {
        interval: '30m',
        chart: {
          spec: {
            chart: 'cert-manager',
            version: '1.16.x',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'jetstack',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'podinfo', namespace: 'apps' },
      spec: {
        interval: '5m',
        chart: {
          spec: {
            chart: 'podinfo',
            version: '6.7.1',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'podinfo',
              namespace: 'flux-system',
            },
          },
        },
      },
    },
  ];
}

/** A ready Kustomization with a status, for tests that need no seeding. */
export function readyKustomization(
  name: string,
  namespace = 'flux-system',
): ClusterObject {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      interval: '10m',
      path: `./${name}`,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
    },
    status: {
      observedGeneration: 1,
      lastAppliedRevision: 'main@sha1:1111111111111111111111111111111111111111',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message:
            'Applied revision: main@sha1:1111111111111111111111111111111111111111',
          lastTransitionTime: '2026-11-20T11:00:00Z',
        },
      ],
    },
  };
}
