/**
 * The kinds the backend keeps in its per-cluster caches, with the API
 * versions it understands, newest first. The version actually watched is
 * discovered per cluster: Flux releases people run serve different ones.
 */
import {
  HELM_GROUP,
  IMAGE_GROUP,
  NOTIFICATION_GROUP,
  HELM_RELEASE_KIND,
  HELM_RELEASE_VERSIONS,
  KUSTOMIZATION_KIND,
  KUSTOMIZATION_VERSIONS,
  KUSTOMIZE_GROUP,
  SOURCE_GROUP,
  SOURCE_VERSIONS,
} from '@flux-portal/plugin-flux-common';

/** @public */
export interface WatchedKind {
  kind: string;
  /** '' for the core group */
  group: string;
  plural: string;
  versions: readonly string[];
  /** Flux objects get a derived state; Events and Deployments support them. */
  flux: boolean;
  /**
   * Read only for an entity's coverage (image automation, notifications): a
   * cluster that refuses to list it (RBAC not granted) is still synced, so
   * the rest of its status is unaffected; the refusal shows in /runtime.
   */
  optional?: boolean;
}

/** @public */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  {
    kind: KUSTOMIZATION_KIND,
    group: KUSTOMIZE_GROUP,
    plural: 'kustomizations',
    versions: KUSTOMIZATION_VERSIONS,
    flux: true,
  },
  {
    kind: HELM_RELEASE_KIND,
    group: HELM_GROUP,
    plural: 'helmreleases',
    versions: HELM_RELEASE_VERSIONS,
    flux: true,
  },
  {
    kind: 'GitRepository',
    group: SOURCE_GROUP,
    plural: 'gitrepositories',
    versions: SOURCE_VERSIONS,
    flux: true,
  },
  {
    kind: 'OCIRepository',
    group: SOURCE_GROUP,
    plural: 'ocirepositories',
    versions: SOURCE_VERSIONS,
    flux: true,
  },
  {
    kind: 'HelmRepository',
    group: SOURCE_GROUP,
    plural: 'helmrepositories',
    versions: SOURCE_VERSIONS,
    flux: true,
  },
  {
    kind: 'HelmChart',
    group: SOURCE_GROUP,
    plural: 'helmcharts',
    versions: SOURCE_VERSIONS,
    flux: true,
  },
  {
    kind: 'Bucket',
    group: SOURCE_GROUP,
    plural: 'buckets',
    versions: SOURCE_VERSIONS,
    flux: true,
  },
  // image-reflector and image-automation (v1 since Flux 2.7) and
  // notification-controller: read for an entity's coverage only. A cluster
  // without these controllers does not serve the kinds: they are left out.
  ...(
    [
      ['ImageRepository', 'imagerepositories'],
      ['ImagePolicy', 'imagepolicies'],
      ['ImageUpdateAutomation', 'imageupdateautomations'],
    ] as const
  ).map(([kind, plural]) => ({
    kind,
    group: IMAGE_GROUP,
    plural,
    versions: ['v1', 'v1beta2', 'v1beta1'],
    flux: true,
    optional: true,
  })),
  ...(
    [
      // Alert and Provider are still v1beta3 in Flux 2.7, Receiver is v1
      ['Alert', 'alerts', ['v1beta3', 'v1beta2', 'v1beta1']],
      ['Provider', 'providers', ['v1beta3', 'v1beta2', 'v1beta1']],
      ['Receiver', 'receivers', ['v1', 'v1beta2', 'v1beta1']],
    ] as const
  ).map(([kind, plural, versions]) => ({
    kind,
    group: NOTIFICATION_GROUP,
    plural,
    versions,
    flux: true,
    optional: true,
  })),
  { kind: 'Event', group: '', plural: 'events', versions: ['v1'], flux: false },
  {
    kind: 'Deployment',
    group: 'apps',
    plural: 'deployments',
    versions: ['v1'],
    flux: false,
  },
];

/** Kinds that can be reconciled, suspended and resumed from the portal. @public */
export const APPLIER_KINDS = [KUSTOMIZATION_KIND, HELM_RELEASE_KIND] as const;

export function watchedKind(kind: string): WatchedKind | undefined {
  return WATCHED_KINDS.find(k => k.kind === kind);
}

/** `/apis/<group>/<version>/<plural>` or `/api/v1/<plural>`. */
export function collectionPath(kind: WatchedKind, version: string): string {
  return kind.group === ''
    ? `/api/${version}/${kind.plural}`
    : `/apis/${kind.group}/${version}/${kind.plural}`;
}
