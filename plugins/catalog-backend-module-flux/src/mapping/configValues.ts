/**
 * The configuration a unit carries, as (key, value) pairs: container env
 * values of its workloads (never `valueFrom`: secret references stay
 * references), its ConfigMaps' data, and its HelmReleases' composed values
 * (which the model built without Secret sources). Secrets are never read.
 */
import type { KubeObject } from '@flux-portal/kustomize';
import { isRecord, Json } from './json';
import type { Unit } from './units/types';

export interface ConfigValue {
  key: string;
  value: string;
  /** namespace the consuming workload runs in, for short DNS names */
  namespace: string | undefined;
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
  'ReplicaSet',
]);

/** The pod spec of a workload (CronJob nests one level deeper). */
function podSpecOf(obj: KubeObject): Json | undefined {
  const spec = obj.spec as Json | undefined;
  if (!isRecord(spec)) return undefined;
  if (obj.kind === 'Pod') return spec;
  const template =
    obj.kind === 'CronJob' ? (spec.jobTemplate as Json)?.spec : spec;
  const pod = isRecord(template)
    ? (template.template as Json)?.spec
    : undefined;
  return isRecord(pod) ? pod : undefined;
}

export function isWorkload(obj: KubeObject): boolean {
  return WORKLOAD_KINDS.has(obj.kind ?? '');
}

function containerEnv(obj: KubeObject, out: ConfigValue[]) {
  const pod = podSpecOf(obj);
  if (!pod) return;
  const containers = [
    ...((pod.containers as unknown[]) ?? []),
    ...((pod.initContainers as unknown[]) ?? []),
  ];
  for (const c of containers) {
    if (!isRecord(c) || !Array.isArray(c.env)) continue;
    for (const e of c.env) {
      if (
        isRecord(e) &&
        typeof e.name === 'string' &&
        typeof e.value === 'string'
      ) {
        out.push({
          key: e.name,
          value: e.value,
          namespace: obj.metadata?.namespace,
        });
      }
    }
  }
}

/** Walks Helm values: every string leaf, and `{name, value}` pairs as env entries. */
function walkValues(
  value: unknown,
  path: string,
  namespace: string,
  out: ConfigValue[],
  depth = 0,
) {
  if (depth > 40) return;
  if (typeof value === 'string') {
    out.push({ key: path, value, namespace });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) =>
      walkValues(v, `${path}[${i}]`, namespace, out, depth + 1),
    );
  } else if (isRecord(value)) {
    if (typeof value.name === 'string' && typeof value.value === 'string') {
      out.push({ key: value.name, value: value.value, namespace });
    }
    for (const [k, v] of Object.entries(value)) {
      walkValues(v, path ? `${path}.${k}` : k, namespace, out, depth + 1);
    }
  }
}

export function configValuesOf(unit: Unit): ConfigValue[] {
  const out: ConfigValue[] = [];
  for (const { object } of unit.objects) {
    if (isWorkload(object)) containerEnv(object, out);
    else if (object.kind === 'ConfigMap' && isRecord(object.data)) {
      for (const [key, value] of Object.entries(object.data)) {
        if (typeof value === 'string')
          out.push({ key, value, namespace: object.metadata?.namespace });
      }
    }
  }
  for (const hr of unit.helmReleases) {
    walkValues(hr.values, '', hr.targetNamespace ?? hr.namespace, out);
  }
  return out;
}

/** The last segment of a values path or env name, upper-cased: `KAFKA_PRODUCE_TOPICS`. */
export function keyName(key: string): string {
  return key
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop()!
    .toUpperCase();
}
