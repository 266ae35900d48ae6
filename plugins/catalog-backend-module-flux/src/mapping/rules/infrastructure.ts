/**
 * Infrastructure or application: pure tables and rules, documented in the
 * README's "Infrastructure or application" section. A unit is
 * infrastructure (a Resource with a type) or an app (a Component); the
 * first rule that decides wins:
 *
 * 1. the `flux-portal.io/role` annotation (`infrastructure` | `app`);
 * 2. a configured override of the entity's kind (`mapping.overrides`);
 * 3. the folder: under a configured infrastructure root, or with a segment
 *    named like an infrastructure folder (`infrastructure/`, `infra/`,
 *    `core/`, `system/`, `platform/`, `controllers/`, `configs/`);
 * 4. the chart: a well-known infrastructure chart (`INFRASTRUCTURE_CHARTS`);
 * 5. under a configured apps root: an app;
 * 6. the namespace: a well-known infrastructure namespace
 *    (`INFRASTRUCTURE_NAMESPACES`, plus `*-system`);
 * 7. otherwise an app.
 */

/** A well-known chart: its name (or pattern), the Resource type, the family it belongs to. @public */
export interface InfrastructureChart {
  chart: RegExp;
  type: string;
  family: string;
}

const row = (chart: RegExp, type: string, family: string) => ({
  chart,
  type,
  family,
});

/**
 * Well-known infrastructure charts, first match wins. Each pattern is
 * anchored on the chart name (Helm chart names, not release names), so an
 * app chart that merely contains a word (`postgres-exporter-dashboards`)
 * does not match a row it is no instance of.
 * @public
 */
export const INFRASTRUCTURE_CHARTS: ReadonlyArray<InfrastructureChart> = [
  // CNI and cluster networking
  row(
    /^(cilium|calico|tigera-operator|flannel|multus|kube-ovn|antrea|weave-net)$/,
    'network',
    'CNI',
  ),
  row(
    /^(metallb|kube-vip|external-dns|k8s-gateway|coredns|k8s_gateway|cloudflared|multus-cni)$/,
    'network',
    'cluster networking',
  ),
  // databases and their operators
  row(
    /^(postgresql(-ha)?|postgres|cloudnative-pg|cnpg|pgo|postgres-operator|mysql|mariadb(-galera)?|mongodb(-sharded)?|percona.*|cockroachdb|cassandra|clickhouse|influxdb2?|timescaledb.*|crunchy.*|mysql-operator|mariadb-operator)$/,
    'database',
    'database',
  ),
  row(
    /^(redis(-cluster|-ha)?|valkey(-cluster)?|memcached|dragonfly(-operator)?|keydb)$/,
    'cache',
    'cache',
  ),
  row(
    /^(kafka|strimzi-kafka-operator|rabbitmq(-cluster-operator)?|nats|pulsar|zookeeper|activemq.*|emqx|mosquitto)$/,
    'message-broker',
    'broker',
  ),
  row(
    /^(minio(-operator)?|seaweedfs|garage)$/,
    'object-storage',
    'object storage',
  ),
  row(/^(s3-proxy)$/, 'object-storage', 'object storage'),
  // storage (CSI, provisioners, backup)
  row(
    /^(rook-ceph(-cluster)?|longhorn|openebs|democratic-csi|csi-driver-(nfs|smb|s3)|local-path-provisioner|nfs-subdir-external-provisioner|snapshot-controller|volsync|velero|topolvm)$/,
    'storage-provisioner',
    'CSI',
  ),
  // secrets, identity
  row(
    /^(vault|external-secrets|sealed-secrets|onepassword-connect|connect|bitwarden-sdk-server|sops-secrets-operator)$/,
    'secrets-store',
    'secrets',
  ),
  row(
    /^(keycloak(x)?|zitadel|dex|authentik|authelia|oauth2-proxy|lldap|pocket-id)$/,
    'identity-provider',
    'identity',
  ),
  row(/^(openldap.*|ldap.*)$/, 'directory', 'identity'),
  // mesh and ingress
  row(
    /^(base|istiod|gateway|istio-.*|linkerd.*|kuma)$/,
    'service-mesh',
    'service mesh',
  ),
  row(
    /^(ingress-nginx|nginx-ingress|traefik|contour|gateway-helm|envoy-gateway|haproxy-ingress|kong|ingress-.*)$/,
    'ingress-controller',
    'ingress',
  ),
  row(/^cert-manager(-.*)?$/, 'certificate-manager', 'cert-manager'),
  // workflow engines
  row(
    /^(camunda.*|zeebe.*|operate|temporal|argo-workflows)$/,
    'workflow-engine',
    'workflow',
  ),
  // observability and dashboards
  row(
    /^(grafana|kubernetes-dashboard|headlamp|weave-gitops)$/,
    'dashboard',
    'dashboard',
  ),
  row(
    /^(kube-prometheus-stack|prometheus(-.*)?|victoria-metrics.*|loki|promtail|tempo|alloy|grafana-agent|thanos|mimir|fluent-bit|fluentd|vector|opentelemetry-.*|jaeger.*|metrics-server|kube-state-metrics|gatus|unpoller|blackbox-exporter)$/,
    'observability',
    'observability',
  ),
  // cluster operators and add-ons
  row(
    /^(reloader|descheduler|spegel|node-feature-discovery|intel-device-plugins?-.*|nvidia-device-plugin|system-upgrade-controller|kyverno|gatekeeper|kured|cluster-autoscaler|keda|vpa|goldilocks|tuppr)$/,
    'cluster-addon',
    'operators',
  ),
  row(/-operator$/, 'operator', 'operators'),
];

/** Folder segments that mark infrastructure (`infrastructure/cert-manager`, `kubernetes/core/…`). @public */
export const INFRASTRUCTURE_FOLDERS: ReadonlyArray<string> = [
  'infrastructure',
  'infra',
  'core',
  'system',
  'platform',
  'controllers',
  'configs',
];

/** Namespaces that hold only infrastructure (besides every `*-system`). @public */
export const INFRASTRUCTURE_NAMESPACES: ReadonlyArray<string> = [
  'kube-system',
  'cert-manager',
  'monitoring',
  'observability',
  'rook-ceph',
  'longhorn-system',
  'istio-system',
  'external-secrets',
  'ingress-nginx',
  'metallb-system',
  'cnpg-system',
  'kyverno',
  'storage',
  'networking',
];

/** The well-known chart row a chart name matches, if any. @public */
export function infrastructureChart(
  chart: string,
): InfrastructureChart | undefined {
  const name = chart.toLowerCase();
  return INFRASTRUCTURE_CHARTS.find(r => r.chart.test(name));
}

export function isInfrastructureFolder(folder: string): boolean {
  return folder
    .split('/')
    .some(s => INFRASTRUCTURE_FOLDERS.includes(s.toLowerCase()));
}

export function isInfrastructureNamespace(namespace: string): boolean {
  return (
    INFRASTRUCTURE_NAMESPACES.includes(namespace) ||
    namespace.endsWith('-system')
  );
}
