/**
 * Flux objects of generated clusters for benchmarks and load tests: one
 * HelmRepository `charts` in flux-system and HelmReleases installing a chart
 * from it. Shapes as `flux create` writes them.
 */
import {
  FLUX_SYSTEM_NAMESPACE,
  fluxApiVersionOf,
  type KubeObject,
} from '@flux-portal/plugin-flux-common';

/** The name of the HelmRepository every generated HelmRelease installs from. */
export const GENERATED_CHART_REPOSITORY = 'charts';

/** The HelmRepository generated HelmReleases take their charts from. */
export function generatedHelmRepository(): KubeObject {
  return {
    apiVersion: fluxApiVersionOf('HelmRepository'),
    kind: 'HelmRepository',
    metadata: {
      name: GENERATED_CHART_REPOSITORY,
      namespace: FLUX_SYSTEM_NAMESPACE,
    },
    spec: { interval: '1h', url: 'https://charts.example.com' },
  };
}

/** A HelmRelease installing `chart` 1.x from the generated repository. */
export function generatedHelmRelease(options: {
  name: string;
  namespace: string;
  chart: string;
  interval: string;
  labels?: Record<string, string>;
}): KubeObject {
  const { name, namespace, chart, interval, labels } = options;
  return {
    apiVersion: fluxApiVersionOf('HelmRelease'),
    kind: 'HelmRelease',
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    spec: {
      interval,
      chart: {
        spec: {
          chart,
          version: '1.x',
          sourceRef: {
            kind: 'HelmRepository',
            name: GENERATED_CHART_REPOSITORY,
            namespace: FLUX_SYSTEM_NAMESPACE,
          },
        },
      },
    },
  };
}
