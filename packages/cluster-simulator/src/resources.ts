/**
 * The resource types the simulator knows, as an API server's discovery
 * describes them. Which versions of each group are served is chosen per
 * simulated cluster, so a backend can be tested on version discovery.
 */

import {
  HELM_GROUP,
  IMAGE_GROUP,
  KUSTOMIZE_GROUP,
  NOTIFICATION_GROUP,
  SOURCE_GROUP,
} from '@flux-portal/plugin-flux-common';

/** @public */
export interface ResourceType {
  group: string; // '' for the core group
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Whether patches of the main resource leave `status` alone (a status subresource exists). */
  hasStatusSubresource: boolean;
  /** Whether spec changes bump metadata.generation (CRDs and most built-ins do, Events do not). */
  hasGeneration: boolean;
}

/** Served versions per API group, newest (preferred) first. @public */
export type ServedVersions = Record<string, string[]>;

/** The versions served when a cluster does not say otherwise. @public */
export const DEFAULT_SERVED_VERSIONS: ServedVersions = {
  '': ['v1'],
  apps: ['v1'],
  batch: ['v1'],
  autoscaling: ['v2', 'v1'],
  'networking.k8s.io': ['v1'],
  'metrics.k8s.io': ['v1beta1'],
  [KUSTOMIZE_GROUP]: ['v1', 'v1beta2'],
  [HELM_GROUP]: ['v2', 'v2beta2'],
  [SOURCE_GROUP]: ['v1', 'v1beta2'],
  [IMAGE_GROUP]: ['v1', 'v1beta2'],
  // Receiver is v1, Alert and Provider v1beta3 in Flux 2.7; the simulator
  // serves every kind of a group at each of its versions.
  [NOTIFICATION_GROUP]: ['v1', 'v1beta3'],
};

/** A namespaced kind; `status`: has a status subresource, `generation`: spec changes bump it. */
function builtin(
  group: string,
  kind: string,
  plural: string,
  shortNames: string[],
  has: { status: boolean; generation: boolean },
): ResourceType {
  return {
    group,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: true,
    shortNames,
    hasStatusSubresource: has.status,
    hasGeneration: has.generation,
  };
}

const WORKLOAD = { status: true, generation: true };
const CONFIG = { status: false, generation: false };

/** A Flux CRD: namespaced, with a status subresource and generations. */
function crd(group: string, kind: string, plural: string, short: string[]) {
  return builtin(group, kind, plural, short, WORKLOAD);
}

/** Every resource type the simulator can serve. @public */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    group: '',
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    hasStatusSubresource: true,
    hasGeneration: false,
  },
  {
    group: '',
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    hasStatusSubresource: true,
    hasGeneration: false,
  },
  {
    group: '',
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev'],
    hasStatusSubresource: false,
    hasGeneration: false,
  },
  {
    group: 'apps',
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    namespaced: true,
    shortNames: ['deploy'],
    hasStatusSubresource: true,
    hasGeneration: true,
  },
  // What Backstage's Kubernetes plugin lists for an entity (its default
  // object types), so its tab finds every kind it asks for.
  builtin('', 'Service', 'services', ['svc'], {
    status: true,
    generation: false,
  }),
  builtin('', 'ConfigMap', 'configmaps', ['cm'], CONFIG),
  builtin('', 'LimitRange', 'limitranges', ['limits'], CONFIG),
  builtin('', 'ResourceQuota', 'resourcequotas', ['quota'], {
    status: true,
    generation: false,
  }),
  builtin('apps', 'ReplicaSet', 'replicasets', ['rs'], WORKLOAD),
  builtin('apps', 'StatefulSet', 'statefulsets', ['sts'], WORKLOAD),
  builtin('apps', 'DaemonSet', 'daemonsets', ['ds'], WORKLOAD),
  builtin('batch', 'Job', 'jobs', [], WORKLOAD),
  builtin('batch', 'CronJob', 'cronjobs', ['cj'], WORKLOAD),
  builtin(
    'autoscaling',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    ['hpa'],
    WORKLOAD,
  ),
  builtin('networking.k8s.io', 'Ingress', 'ingresses', ['ing'], WORKLOAD),
  // metrics-server's pod usage, read for the tab's CPU and memory figures
  builtin('metrics.k8s.io', 'PodMetrics', 'pods', [], CONFIG),
  crd(KUSTOMIZE_GROUP, 'Kustomization', 'kustomizations', ['ks']),
  crd(HELM_GROUP, 'HelmRelease', 'helmreleases', ['hr']),
  crd(SOURCE_GROUP, 'GitRepository', 'gitrepositories', ['gitrepo']),
  crd(SOURCE_GROUP, 'OCIRepository', 'ocirepositories', ['ocirepo']),
  crd(SOURCE_GROUP, 'HelmRepository', 'helmrepositories', ['helmrepo']),
  crd(SOURCE_GROUP, 'HelmChart', 'helmcharts', ['hc']),
  crd(SOURCE_GROUP, 'Bucket', 'buckets', []),
  crd(IMAGE_GROUP, 'ImageRepository', 'imagerepositories', ['imagerepo']),
  crd(IMAGE_GROUP, 'ImagePolicy', 'imagepolicies', ['imgpol']),
  crd(IMAGE_GROUP, 'ImageUpdateAutomation', 'imageupdateautomations', ['iua']),
  crd(NOTIFICATION_GROUP, 'Alert', 'alerts', []),
  crd(NOTIFICATION_GROUP, 'Provider', 'providers', []),
  crd(NOTIFICATION_GROUP, 'Receiver', 'receivers', []),
];

export function findTypeByKind(
  group: string,
  kind: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(t => t.group === group && t.kind === kind);
}

export function findTypeByPlural(
  group: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(t => t.group === group && t.plural === plural);
}

/** Key of a resource type in the store: 'group/plural'. */
export function typeKey(type: ResourceType): string {
  return `${type.group}/${type.plural}`;
}
