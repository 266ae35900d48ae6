import { knownKinds, validateKubeObject } from './validateKubeObject';

const helmRelease = (spec: Record<string, unknown>) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'redis', namespace: 'redis' },
  spec,
});

describe('validateKubeObject', () => {
  it('accepts valid built-in, Flux, cert-manager and Istio objects', () => {
    expect(
      validateKubeObject({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'web' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          },
        },
      }),
    ).toEqual([]);
    expect(
      validateKubeObject(
        helmRelease({
          interval: '30m',
          chart: {
            spec: {
              chart: 'redis',
              sourceRef: { kind: 'HelmRepository', name: 'bitnami' },
            },
          },
        }),
      ),
    ).toEqual([]);
    expect(
      validateKubeObject({
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: { name: 'letsencrypt' },
        spec: { selfSigned: {} },
      }),
    ).toEqual([]);
    expect(
      validateKubeObject({
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'web', namespace: 'istio-system' },
        spec: {
          hosts: ['example.com'],
          http: [{ route: [{ destination: { host: 'web' } }] }],
        },
      }),
    ).toEqual([]);
  });

  it('reports schema violations with the object and the field', () => {
    const errors = validateKubeObject(helmRelease({ interval: 5 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      'HelmRelease redis (helm.toolkit.fluxcd.io/v2)',
    );
    expect(errors[0]).toContain('/spec/interval');
    expect(
      validateKubeObject({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 'eighty' }] },
      }).join(),
    ).toContain('/spec/ports/0/port');
  });

  it('refuses kinds it has no schema for and bad names', () => {
    expect(
      validateKubeObject({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
      }),
    ).toEqual([
      'Widget w (example.com/v1): no schema known for example.com/v1/Widget',
    ]);
    expect(
      validateKubeObject({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'Bad_Name' },
      }).join(),
    ).toContain('metadata.name must be a DNS-1123 name');
    expect(validateKubeObject('x')).toEqual(['not an object']);
  });

  it('knows the Flux, cert-manager and Istio kinds the example uses', () => {
    expect(knownKinds()).toEqual(
      expect.arrayContaining([
        'kustomize.toolkit.fluxcd.io/v1/Kustomization',
        'source.toolkit.fluxcd.io/v1/GitRepository',
        'source.toolkit.fluxcd.io/v1/HelmRepository',
        'helm.toolkit.fluxcd.io/v2/HelmRelease',
        'cert-manager.io/v1/ClusterIssuer',
        'cert-manager.io/v1/Certificate',
        'networking.istio.io/v1/Gateway',
        'networking.istio.io/v1/VirtualService',
        'networking.istio.io/v1/DestinationRule',
      ]),
    );
  });
});

describe('validateKubeObject unknown fields', () => {
  it('reports misspelt fields at any depth, like strict field validation', () => {
    const errors = validateKubeObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labelz: { a: 'b' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx',
                redinessProbe: {},
                env: [{ name: 'A', valu: 'x' }],
              },
            ],
          },
        },
      },
    });
    expect(errors).toEqual([
      'Deployment web (apps/v1): Deployment.metadata.labelz: unknown field',
      'Deployment web (apps/v1): Deployment.spec.template.spec.containers[0].redinessProbe: unknown field',
      'Deployment web (apps/v1): Deployment.spec.template.spec.containers[0].env[0].valu: unknown field',
    ]);
  });

  it('checks CRD kinds and leaves free-form JSON and maps alone', () => {
    const release = helmRelease({
      intreval: '5m',
      interval: '5m',
      chart: {
        spec: {
          chart: 'a',
          sourceRef: { kind: 'HelmRepository', name: 'b' },
          verison: '1',
        },
      },
      values: { anything: { goes: [1, { deep: true }] } },
    });
    expect(validateKubeObject(release)).toEqual([
      'HelmRelease redis (helm.toolkit.fluxcd.io/v2): HelmRelease.spec.intreval: unknown field',
      'HelmRelease redis (helm.toolkit.fluxcd.io/v2): HelmRelease.spec.chart.spec.verison: unknown field',
    ]);
    expect(validateKubeObject(release, { unknownFields: false })).toEqual([]);
    expect(
      validateKubeObject({
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'vs', annotations: { 'any.key/x': 'y' } },
        spec: {
          hosts: ['a'],
          http: [
            { route: [{ destination: { host: 'a', prot: { number: 1 } } }] },
          ],
        },
      }),
    ).toEqual([
      'VirtualService vs (networking.istio.io/v1): VirtualService.spec.http[0].route[0].destination.prot: unknown field',
    ]);
  });

  it('checks metrics-server PodMetrics by hand (no published schema)', () => {
    const metrics = {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name: 'web-5d8f-abcde', namespace: 'shop' },
      timestamp: '2026-12-06T01:00:00Z',
      window: '30s',
      containers: [{ name: 'web', usage: { cpu: '12m', memory: '64Mi' } }],
    };
    expect(validateKubeObject(metrics)).toEqual([]);
    expect(
      validateKubeObject({
        ...metrics,
        containers: [{ name: 'web', usage: { cpu: 'lots' } }],
      }),
    ).toEqual([
      'PodMetrics web-5d8f-abcde (metrics.k8s.io/v1beta1): container web: usage.cpu must be a quantity',
    ]);
    expect(validateKubeObject({ ...metrics, windw: '30s' })).toEqual([
      'PodMetrics web-5d8f-abcde (metrics.k8s.io/v1beta1): unknown field(s) windw',
    ]);
  });
});
