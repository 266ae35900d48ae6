import { FieldSpec } from './fieldSpec';

// Kustomize's default nameReference configuration (namereference.go):
// which fields of which kinds refer to objects of a given kind by name.

export interface NameReferenceRule {
  kind: string;
  group?: string;
  fieldSpecs: FieldSpec[];
}

const WORKLOADS: Array<[string, string]> = [
  ['Pod', 'spec'],
  ['PodTemplate', 'template/spec'],
  ['Deployment', 'spec/template/spec'],
  ['ReplicaSet', 'spec/template/spec'],
  ['DaemonSet', 'spec/template/spec'],
  ['StatefulSet', 'spec/template/spec'],
  ['Job', 'spec/template/spec'],
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
];

const podRefs = (subPaths: string[], kinds = WORKLOADS): FieldSpec[] =>
  kinds.flatMap(([kind, prefix]) =>
    subPaths.map(p => ({ kind, path: `${prefix}/${p}` })),
  );

const CONTAINER_FIELDS = (ref: string, envFrom: string) => [
  `containers/env/valueFrom/${ref}/name`,
  `initContainers/env/valueFrom/${ref}/name`,
  `containers/envFrom/${envFrom}/name`,
  `initContainers/envFrom/${envFrom}/name`,
];

const withRC = [
  ...WORKLOADS.filter(([k]) => k !== 'PodTemplate' && k !== 'ReplicaSet'),
  ['ReplicationController', 'spec/template/spec'] as [string, string],
];

export const NAME_REFERENCE_RULES: NameReferenceRule[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map(
    kind => ({
      kind,
      fieldSpecs: [
        { kind: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef/name' },
      ],
    }),
  ),
  {
    kind: 'ConfigMap',
    fieldSpecs: [
      ...podRefs([
        'volumes/configMap/name',
        ...CONTAINER_FIELDS('configMapKeyRef', 'configMapRef'),
        'volumes/projected/sources/configMap/name',
      ]),
      { kind: 'Node', path: 'spec/configSource/configMap' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      {
        kind: 'Ingress',
        path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap',
      },
    ],
  },
  {
    kind: 'Secret',
    fieldSpecs: [
      ...podRefs([
        'volumes/secret/secretName',
        ...CONTAINER_FIELDS('secretKeyRef', 'secretRef'),
        'imagePullSecrets/name',
        'volumes/projected/sources/secret/name',
      ]),
      { kind: 'Ingress', path: 'spec/tls/secretName' },
      {
        kind: 'Ingress',
        path: 'metadata/annotations/ingress.kubernetes.io\\/auth-secret',
      },
      {
        kind: 'Ingress',
        path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret',
      },
      {
        kind: 'Ingress',
        path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret',
      },
      { kind: 'ServiceAccount', path: 'imagePullSecrets/name' },
      { kind: 'StorageClass', path: 'parameters/secretName' },
      { kind: 'StorageClass', path: 'parameters/adminSecretName' },
      { kind: 'StorageClass', path: 'parameters/userSecretName' },
      { kind: 'StorageClass', path: 'parameters/secretRef' },
      { kind: 'Role', path: 'rules/resourceNames' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
      {
        kind: 'Service',
        group: 'serving.knative.dev',
        path: 'spec/template/spec/containers/env/valueFrom/secretKeyRef/name',
      },
      { kind: 'PersistentVolume', path: 'spec/azureFile/secretName' },
    ],
  },
  {
    kind: 'Service',
    fieldSpecs: [
      { kind: 'StatefulSet', group: 'apps', path: 'spec/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/backend/serviceName' },
      { kind: 'Ingress', path: 'spec/rules/http/paths/backend/service/name' },
      { kind: 'Ingress', path: 'spec/defaultBackend/service/name' },
      {
        kind: 'APIService',
        group: 'apiregistration.k8s.io',
        path: 'spec/service/name',
      },
      {
        kind: 'ValidatingWebhookConfiguration',
        group: 'admissionregistration.k8s.io',
        path: 'webhooks/clientConfig/service',
      },
      {
        kind: 'MutatingWebhookConfiguration',
        group: 'admissionregistration.k8s.io',
        path: 'webhooks/clientConfig/service',
      },
      { kind: 'HTTPRoute', path: 'spec/rules/backendRefs/name' },
    ],
  },
  {
    kind: 'Role',
    group: 'rbac.authorization.k8s.io',
    fieldSpecs: [
      {
        kind: 'RoleBinding',
        group: 'rbac.authorization.k8s.io',
        path: 'roleRef/name',
      },
    ],
  },
  {
    kind: 'ClusterRole',
    group: 'rbac.authorization.k8s.io',
    fieldSpecs: [
      {
        kind: 'RoleBinding',
        group: 'rbac.authorization.k8s.io',
        path: 'roleRef/name',
      },
      {
        kind: 'ClusterRoleBinding',
        group: 'rbac.authorization.k8s.io',
        path: 'roleRef/name',
      },
    ],
  },
  {
    kind: 'ServiceAccount',
    fieldSpecs: [
      {
        kind: 'RoleBinding',
        group: 'rbac.authorization.k8s.io',
        path: 'subjects',
      },
      {
        kind: 'ClusterRoleBinding',
        group: 'rbac.authorization.k8s.io',
        path: 'subjects',
      },
      ...podRefs(['serviceAccountName'], withRC),
    ],
  },
  {
    kind: 'PersistentVolumeClaim',
    fieldSpecs: podRefs(['volumes/persistentVolumeClaim/claimName'], withRC),
  },
  {
    kind: 'PersistentVolume',
    fieldSpecs: [
      { kind: 'PersistentVolumeClaim', path: 'spec/volumeName' },
      { kind: 'ClusterRole', path: 'rules/resourceNames' },
    ],
  },
  {
    kind: 'StorageClass',
    fieldSpecs: [
      { kind: 'PersistentVolume', path: 'spec/storageClassName' },
      { kind: 'PersistentVolumeClaim', path: 'spec/storageClassName' },
      {
        kind: 'StatefulSet',
        path: 'spec/volumeClaimTemplates/spec/storageClassName',
      },
    ],
  },
  { kind: 'PriorityClass', fieldSpecs: podRefs(['priorityClassName'], withRC) },
  // kustomize lists IngressClass with group "networking.k8s.io/v1" (a
  // version inside the group), so that rule never matches and
  // spec.ingressClassName is never renamed; kubectl kustomize agrees.
];
