/**
 * The Flux kinds, with the group and the version a current Flux (2.7)
 * serves them at. Notification kinds differ within their group: Receiver
 * is v1, Alert and Provider are still v1beta3.
 */
import { joinApiVersion } from '../kube/apiVersion';
import {
  HELM_GROUP,
  IMAGE_GROUP,
  KUSTOMIZE_GROUP,
  NOTIFICATION_GROUP,
  SOURCE_EXTENSIONS_GROUP,
  SOURCE_GROUP,
} from './groups';

/** @public */
export const KUSTOMIZATION_KIND = 'Kustomization';
/** @public */
export const HELM_RELEASE_KIND = 'HelmRelease';

/** @public */
export const FLUX_KINDS = {
  GitRepository: { group: SOURCE_GROUP, version: 'v1' },
  OCIRepository: { group: SOURCE_GROUP, version: 'v1' },
  HelmRepository: { group: SOURCE_GROUP, version: 'v1' },
  HelmChart: { group: SOURCE_GROUP, version: 'v1' },
  Bucket: { group: SOURCE_GROUP, version: 'v1' },
  ExternalArtifact: { group: SOURCE_GROUP, version: 'v1' },
  Kustomization: { group: KUSTOMIZE_GROUP, version: 'v1' },
  HelmRelease: { group: HELM_GROUP, version: 'v2' },
  Alert: { group: NOTIFICATION_GROUP, version: 'v1beta3' },
  Provider: { group: NOTIFICATION_GROUP, version: 'v1beta3' },
  Receiver: { group: NOTIFICATION_GROUP, version: 'v1' },
  ImageRepository: { group: IMAGE_GROUP, version: 'v1' },
  ImagePolicy: { group: IMAGE_GROUP, version: 'v1' },
  ImageUpdateAutomation: { group: IMAGE_GROUP, version: 'v1' },
  ArtifactGenerator: { group: SOURCE_EXTENSIONS_GROUP, version: 'v1beta1' },
} as const;

/** @public */
export type FluxKind = keyof typeof FLUX_KINDS;

/** The current apiVersion of a Flux kind, e.g. `helm.toolkit.fluxcd.io/v2`. @public */
export function fluxApiVersionOf(kind: FluxKind): string {
  const { group, version } = FLUX_KINDS[kind];
  return joinApiVersion(group, version);
}

/** @public */
export type SourceKind =
  | 'GitRepository'
  | 'OCIRepository'
  | 'HelmRepository'
  | 'HelmChart'
  | 'Bucket';

/** @public */
export const SOURCE_KINDS: readonly SourceKind[] = [
  'GitRepository',
  'OCIRepository',
  'HelmRepository',
  'HelmChart',
  'Bucket',
];

/** Source kinds a Flux Kustomization may take its files from. @public */
export const ARTIFACT_SOURCE_KINDS: readonly SourceKind[] = [
  'GitRepository',
  'OCIRepository',
  'Bucket',
];

/** An artifact produced outside source-controller, e.g. by an ArtifactGenerator (Flux ≥ 2.7). @public */
export const EXTERNAL_ARTIFACT_KIND = 'ExternalArtifact';

/** source-watcher's generator of ExternalArtifacts from other sources (Flux ≥ 2.7). @public */
export const ARTIFACT_GENERATOR_KIND = 'ArtifactGenerator';

/**
 * Kinds a Flux Kustomization's spec.sourceRef may name: the artifact sources
 * and, since Flux 2.7, ExternalArtifact.
 * @public
 */
export const KUSTOMIZATION_SOURCE_KINDS: readonly string[] = [
  ...ARTIFACT_SOURCE_KINDS,
  EXTERNAL_ARTIFACT_KIND,
];
