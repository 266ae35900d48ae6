import {
  infrastructureChart,
  isInfrastructureFolder,
  isInfrastructureNamespace,
} from './infrastructure';

describe('the well-known infrastructure charts', () => {
  it.each([
    ['cilium', 'network'],
    ['calico', 'network'],
    ['rook-ceph', 'storage-provisioner'],
    ['rook-ceph-cluster', 'storage-provisioner'],
    ['longhorn', 'storage-provisioner'],
    ['ingress-nginx', 'ingress-controller'],
    ['gateway-helm', 'ingress-controller'],
    ['cert-manager', 'certificate-manager'],
    ['external-secrets', 'secrets-store'],
    ['kube-prometheus-stack', 'observability'],
    ['cloudnative-pg', 'database'],
    ['postgresql', 'database'],
    ['redis', 'cache'],
    ['kafka', 'message-broker'],
    ['grafana', 'dashboard'],
    ['strimzi-kafka-operator', 'message-broker'],
    ['some-thing-operator', 'operator'],
  ])('%s is infrastructure of type %s', (chart, type) => {
    expect(infrastructureChart(chart)?.type).toBe(type);
  });

  it.each([
    'app-template',
    'podinfo',
    'wordpress',
    'paperless-ngx',
    'nextcloud',
  ])('%s is an app chart', chart => {
    expect(infrastructureChart(chart)).toBeUndefined();
  });

  it('matches whole chart names, not words inside them', () => {
    expect(infrastructureChart('redis-commander-ui')).toBeUndefined();
    expect(
      infrastructureChart('my-postgres-exporter-dashboards'),
    ).toBeUndefined();
  });
});

describe('infrastructure folders and namespaces', () => {
  it.each([
    ['infrastructure/cert-manager', true],
    ['kubernetes/infra/metallb', true],
    ['cluster/core/cilium', true],
    ['kubernetes/system/reloader', true],
    ['kubernetes/apps/default/echo', false],
    ['apps/kube-system-tools', false],
  ])('%s → %s', (folder, infra) => {
    expect(isInfrastructureFolder(folder)).toBe(infra);
  });

  it.each([
    ['kube-system', true],
    ['metallb-system', true],
    ['cert-manager', true],
    ['default', false],
    ['media', false],
  ])('namespace %s → %s', (namespace, infra) => {
    expect(isInfrastructureNamespace(namespace)).toBe(infra);
  });
});
