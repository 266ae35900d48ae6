import { KubeObject } from '../yaml';

/** Splits apiVersion into group and version ('v1' → core group ''). */
export function splitApiVersion(apiVersion: unknown): {
  group: string;
  version: string;
} {
  const s = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = s.indexOf('/');
  return slash < 0
    ? { group: '', version: s }
    : { group: s.slice(0, slash), version: s.slice(slash + 1) };
}

/**
 * Kinds kustomize v5.5 treats as cluster-scoped (from its built-in OpenAPI
 * data; checked against `kubectl kustomize`). Unknown kinds — including
 * newer cluster-scoped built-ins such as FlowSchema or
 * ValidatingAdmissionPolicy — are namespaced, exactly as in kustomize.
 */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** Identity of an object: group, version, kind, namespace, name. */
export interface ResId {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

export function resIdOf(obj: KubeObject): ResId {
  const { group, version } = splitApiVersion(obj.apiVersion);
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const meta = obj.metadata ?? {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace =
    typeof meta.namespace === 'string' && !isClusterScoped(kind)
      ? meta.namespace
      : '';
  return { group, version, kind, namespace, name };
}

/**
 * Key used to detect duplicates: kustomize treats '' and 'default' as the
 * same namespace, and ignores the version when comparing ids.
 */
export function idKey(id: ResId): string {
  const ns =
    id.namespace === '' || id.namespace === 'default' ? '' : id.namespace;
  return `${id.group}|${id.kind}|${ns}|${id.name}`;
}

/** "Kind/namespace/name" for messages. */
export function describeId(id: ResId): string {
  return `${id.kind}${id.group ? `.${id.group}` : ''} ${
    id.namespace ? `${id.namespace}/` : ''
  }${id.name}`;
}
