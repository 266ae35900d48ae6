/**
 * Secrets and ConfigMaps a unit consumes, to the unit that provides them;
 * ExternalSecrets to their secret store. Only names are read: a Secret's
 * values never are (the engine redacts them), and an ExternalSecret's
 * `data` and templates are not looked at.
 */
import { isWorkload } from '../configValues';
import { isRecord, Json } from '../json';
import type { Unit } from '../units/types';
import type { ObjectRule, UnitRule } from './types';

const EXTERNAL_SECRETS = /^external-secrets\.io\//;

/** An ExternalSecret (or PushSecret) needs the SecretStore / ClusterSecretStore it reads from. */
export const externalSecretStore: ObjectRule = (unit, object, lookups, add) => {
  const spec = object.spec;
  if (
    !EXTERNAL_SECRETS.test(object.apiVersion ?? '') ||
    (object.kind !== 'ExternalSecret' && object.kind !== 'PushSecret') ||
    !isRecord(spec)
  )
    return;
  const refs = [
    spec.secretStoreRef,
    ...(Array.isArray(spec.secretStoreRefs) ? spec.secretStoreRefs : []),
  ].filter(isRecord);
  for (const ref of refs) {
    const kind = ref.kind === 'ClusterSecretStore' ? ref.kind : 'SecretStore';
    const namespace =
      kind === 'ClusterSecretStore' ? '' : object.metadata?.namespace ?? '';
    add(
      unit,
      lookups.byObject(kind, namespace, ref.name),
      'secret-store',
      `${object.kind} ${object.metadata?.name} secretStoreRef ${kind}/${ref.name}`,
    );
  }
};

export interface NamedRef {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  /** the field it was found at */
  field: string;
}

/** Keys whose string value names a Secret, as common charts spell them (bitnami and others). */
const EXISTING_SECRET_KEY =
  /^(existingSecret|existingSecretName|existingSecretRef|existingSecretPassword|passwordSecret|secretName|credentialsSecret)$/;

/**
 * Secret and ConfigMap names in a pod spec or Helm values: `envFrom`
 * (`secretRef`/`configMapRef`), `valueFrom` (`secretKeyRef`/
 * `configMapKeyRef`), volumes (`secret.secretName`, `configMap.name`), and
 * `existingSecret`-style keys. Charts that take env as a map (bjw-s
 * app-template: `env: { NAME: { valueFrom: … } }`) are walked the same way.
 */
export function namedRefs(value: unknown, path = '', depth = 0): NamedRef[] {
  if (depth > 40) return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => namedRefs(v, `${path}[${i}]`, depth + 1));
  if (!isRecord(value)) return [];
  const out: NamedRef[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (
      (key === 'secretRef' || key === 'secretKeyRef') &&
      isRecord(v) &&
      typeof v.name === 'string'
    )
      out.push({ kind: 'Secret', name: v.name, field });
    else if (
      (key === 'configMapRef' || key === 'configMapKeyRef') &&
      isRecord(v) &&
      typeof v.name === 'string'
    )
      out.push({ kind: 'ConfigMap', name: v.name, field });
    else if (
      key === 'secret' &&
      isRecord(v) &&
      typeof v.secretName === 'string'
    )
      out.push({ kind: 'Secret', name: v.secretName, field });
    else if (key === 'configMap' && isRecord(v) && typeof v.name === 'string')
      out.push({ kind: 'ConfigMap', name: v.name, field });
    else if (EXISTING_SECRET_KEY.test(key) && typeof v === 'string' && v)
      out.push({ kind: 'Secret', name: v, field });
    else out.push(...namedRefs(v, field, depth + 1));
  }
  return out;
}

/** The workloads' specs and the HelmReleases' values, with the namespace each runs in. */
function podSpecs(unit: Unit): Array<{ spec: Json; namespace: string }> {
  const out: Array<{ spec: Json; namespace: string }> = [];
  for (const { object } of unit.objects) {
    if (isWorkload(object) && isRecord(object.spec))
      out.push({
        spec: object.spec,
        namespace: object.metadata?.namespace ?? '',
      });
  }
  for (const hr of unit.helmReleases)
    out.push({
      spec: hr.values,
      namespace: hr.targetNamespace ?? hr.namespace,
    });
  return out;
}

/** The Secrets and ConfigMaps a unit's workloads and Helm values name → the unit providing them. */
export const secretAndConfigMapRefs: UnitRule = (unit, lookups, add) => {
  for (const { spec, namespace } of podSpecs(unit)) {
    for (const ref of namedRefs(spec)) {
      add(
        unit,
        lookups.byProvidedSecret(ref.kind, namespace, ref.name),
        ref.kind === 'Secret' ? 'secret' : 'config-map',
        `${ref.field}: ${ref.kind} ${ref.name}`,
      );
    }
  }
};

/** HelmRelease `valuesFrom` ConfigMaps rendered by another unit. */
export const valuesFromConfigMaps: UnitRule = (unit, lookups, add) => {
  for (const hr of unit.helmReleases) {
    const namespace = hr.namespace;
    for (const source of hr.valuesFrom) {
      if (source.kind !== 'ConfigMap') continue;
      add(
        unit,
        lookups.byObject('ConfigMap', namespace, source.name),
        'values-from',
        `HelmRelease ${hr.name} valuesFrom ConfigMap ${source.name}`,
      );
    }
  }
};
