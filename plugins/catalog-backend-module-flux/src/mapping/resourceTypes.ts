/**
 * Resource types of infrastructure components, derived from the Helm chart
 * (or the kinds a component ships when it has no chart): the well-known
 * chart table of rules/infrastructure.ts, then the looser patterns below
 * (first match wins); `flux-portal.io/resource-type` on the HelmRelease, a
 * workload or the namespace, or `mapping.overrides.<name>.type`, overrides it.
 */
import { ANNOTATION_RESOURCE_TYPE } from '@flux-portal/plugin-flux-common';
import { infrastructureChart } from './rules/infrastructure';
import type { MappingRules } from './rules/mappingRules';
import type { Unit } from './units/types';
import { unitAnnotation } from './units/unitMeta';

const RESOURCE_TYPE_BY_CHART: ReadonlyArray<[RegExp, string]> = [
  [/postgres|mysql|mariadb|mongodb|cockroach|cassandra|clickhouse/, 'database'],
  [/redis|valkey|memcached|dragonfly/, 'cache'],
  [/kafka|rabbitmq|nats|pulsar|zookeeper|activemq|strimzi/, 'message-broker'],
  [/minio|s3|ceph|seaweedfs/, 'object-storage'],
  [/vault|external-secrets|sealed-secrets/, 'secrets-store'],
  [/keycloak|zitadel|dex|authentik|authelia/, 'identity-provider'],
  [/ldap/, 'directory'],
  [/istio|^base$|istiod|^gateway$|linkerd|cilium/, 'service-mesh'],
  [/cert-manager/, 'certificate-manager'],
  [/provisioner|longhorn|openebs|csi/, 'storage-provisioner'],
  [/camunda|operate|zeebe|temporal|argo-workflows/, 'workflow-engine'],
  [/dashboard|grafana|headlamp/, 'dashboard'],
  [/ingress|traefik|contour|envoy/, 'ingress-controller'],
  [/prometheus|loki|tempo|victoria/, 'observability'],
];

/** Kinds that identify a chart-less component. */
const RESOURCE_TYPE_BY_KIND: ReadonlyArray<[string, string]> = [
  ['ClusterIssuer', 'certificate-issuer'],
  ['Issuer', 'certificate-issuer'],
  ['StorageClass', 'storage-class'],
  ['Gateway', 'service-mesh'],
];

/** The well-known chart table first (rules/infrastructure.ts), then looser name patterns. */
function resourceTypeForChart(chart: string): string | undefined {
  const known = infrastructureChart(chart)?.type;
  if (known) return known;
  const name = chart.toLowerCase();
  return RESOURCE_TYPE_BY_CHART.find(([re]) => re.test(name))?.[1];
}

function resourceTypeForKinds(kinds: Iterable<string>): string | undefined {
  const set = new Set(kinds);
  return RESOURCE_TYPE_BY_KIND.find(([kind]) => set.has(kind))?.[1];
}

/**
 * An infrastructure unit's Resource type: the annotation, else a configured
 * override, else its chart, its kinds or its name.
 */
export function resourceTypeOf(unit: Unit, rules: MappingRules): string {
  const override =
    unitAnnotation(unit, ANNOTATION_RESOURCE_TYPE) ??
    rules.overrides[unit.name]?.type;
  if (override) return override;
  for (const hr of unit.helmReleases) {
    const type = hr.chart ? resourceTypeForChart(hr.chart) : undefined;
    if (type) return type;
  }
  return (
    resourceTypeForKinds(unit.objects.map(o => o.object.kind ?? '')) ??
    resourceTypeForChart(unit.name) ??
    'infrastructure'
  );
}
