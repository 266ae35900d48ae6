import { FieldSpec } from './fieldSpec';

// Field specs from kustomize's built-in configuration (commonlabels.go,
// metadatalabels.go, commonannotations.go): where labels and annotations go.

/** Pod-template (and claim-template) label locations, created when missing. */
export const TEMPLATE_LABEL_SPECS: FieldSpec[] = [
  {
    path: 'spec/template/metadata/labels',
    create: true,
    version: 'v1',
    kind: 'ReplicationController',
  },
  { path: 'spec/template/metadata/labels', create: true, kind: 'Deployment' },
  { path: 'spec/template/metadata/labels', create: true, kind: 'ReplicaSet' },
  { path: 'spec/template/metadata/labels', create: true, kind: 'DaemonSet' },
  {
    path: 'spec/template/metadata/labels',
    create: true,
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/volumeClaimTemplates[]/metadata/labels',
    create: true,
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/metadata/labels',
    create: true,
    group: 'batch',
    kind: 'Job',
  },
  {
    path: 'spec/jobTemplate/metadata/labels',
    create: true,
    group: 'batch',
    kind: 'CronJob',
  },
  {
    path: 'spec/jobTemplate/spec/template/metadata/labels',
    create: true,
    group: 'batch',
    kind: 'CronJob',
  },
];

const affinity = (kind: string): FieldSpec[] =>
  [
    'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
  ].map(path => ({ path, create: false, group: 'apps', kind }));

/** Selector locations (commonLabels / labels with includeSelectors). */
export const SELECTOR_LABEL_SPECS: FieldSpec[] = [
  { path: 'spec/selector', create: true, version: 'v1', kind: 'Service' },
  {
    path: 'spec/selector',
    create: true,
    version: 'v1',
    kind: 'ReplicationController',
  },
  { path: 'spec/selector/matchLabels', create: true, kind: 'Deployment' },
  ...affinity('Deployment'),
  { path: 'spec/selector/matchLabels', create: true, kind: 'ReplicaSet' },
  { path: 'spec/selector/matchLabels', create: true, kind: 'DaemonSet' },
  {
    path: 'spec/selector/matchLabels',
    create: true,
    group: 'apps',
    kind: 'StatefulSet',
  },
  ...affinity('StatefulSet'),
  {
    path: 'spec/selector/matchLabels',
    create: false,
    group: 'batch',
    kind: 'Job',
  },
  {
    path: 'spec/jobTemplate/spec/selector/matchLabels',
    create: false,
    group: 'batch',
    kind: 'CronJob',
  },
  {
    path: 'spec/selector/matchLabels',
    create: false,
    group: 'policy',
    kind: 'PodDisruptionBudget',
  },
  {
    path: 'spec/podSelector/matchLabels',
    create: false,
    group: 'networking.k8s.io',
    kind: 'NetworkPolicy',
  },
  {
    path: 'spec/ingress/from/podSelector/matchLabels',
    create: false,
    group: 'networking.k8s.io',
    kind: 'NetworkPolicy',
  },
  {
    path: 'spec/egress/to/podSelector/matchLabels',
    create: false,
    group: 'networking.k8s.io',
    kind: 'NetworkPolicy',
  },
];

export const METADATA_LABEL_SPECS: FieldSpec[] = [
  { path: 'metadata/labels', create: true },
];

/** commonAnnotations locations. */
export const ANNOTATION_SPECS: FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    version: 'v1',
    kind: 'ReplicationController',
  },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    kind: 'Deployment',
  },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    kind: 'ReplicaSet',
  },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    kind: 'DaemonSet',
  },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/metadata/annotations',
    create: true,
    group: 'batch',
    kind: 'Job',
  },
  {
    path: 'spec/jobTemplate/metadata/annotations',
    create: true,
    group: 'batch',
    kind: 'CronJob',
  },
  {
    path: 'spec/jobTemplate/spec/template/metadata/annotations',
    create: true,
    group: 'batch',
    kind: 'CronJob',
  },
];

/** replicas locations. */
export const REPLICA_SPECS: FieldSpec[] = [
  'Deployment',
  'ReplicationController',
  'ReplicaSet',
  'StatefulSet',
].map(kind => ({
  path: 'spec/replicas',
  create: true,
  kind,
}));
