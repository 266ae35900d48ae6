/**
 * API groups, versions and kinds of the Flux v2 objects the portal reads.
 * Versions are listed newest first; older ones are still served by Flux
 * releases people run, so all of them are accepted when reading a repo.
 */

/** @public */
export const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
/** @public */
export const HELM_GROUP = 'helm.toolkit.fluxcd.io';
/** @public */
export const SOURCE_GROUP = 'source.toolkit.fluxcd.io';

/** @public */
export const KUSTOMIZATION_KIND = 'Kustomization';
/** @public */
export const HELM_RELEASE_KIND = 'HelmRelease';

/** @public */
export const KUSTOMIZATION_VERSIONS = ['v1', 'v1beta2', 'v1beta1'] as const;
/** @public */
export const HELM_RELEASE_VERSIONS = ['v2', 'v2beta2', 'v2beta1'] as const;
/** @public */
export const SOURCE_VERSIONS = ['v1', 'v1beta2', 'v1beta1'] as const;

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

function splitApiVersion(apiVersion: unknown): [string, string] | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  return [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

/** The Flux API group of an apiVersion string, or undefined if not Flux. @public */
export function fluxGroupOf(apiVersion: unknown): string | undefined {
  const parts = splitApiVersion(apiVersion);
  if (!parts) return undefined;
  return [KUSTOMIZE_GROUP, HELM_GROUP, SOURCE_GROUP].includes(parts[0])
    ? parts[0]
    : undefined;
}

/** The version part of an apiVersion ('v1' of 'x.io/v1'). @public */
export function versionOf(apiVersion: unknown): string | undefined {
  return splitApiVersion(apiVersion)?.[1];
}

/** True for a Flux Kustomization (any group version), false for kustomize's own file. @public */
export function isFluxKustomization(obj: {
  apiVersion?: unknown;
  kind?: unknown;
}): boolean {
  return (
    obj.kind === KUSTOMIZATION_KIND &&
    splitApiVersion(obj.apiVersion)?.[0] === KUSTOMIZE_GROUP
  );
}

/** @public */
export function isHelmRelease(obj: {
  apiVersion?: unknown;
  kind?: unknown;
}): boolean {
  return (
    obj.kind === HELM_RELEASE_KIND &&
    splitApiVersion(obj.apiVersion)?.[0] === HELM_GROUP
  );
}

/** @public */
export function isFluxSource(obj: {
  apiVersion?: unknown;
  kind?: unknown;
}): boolean {
  return (
    splitApiVersion(obj.apiVersion)?.[0] === SOURCE_GROUP &&
    (SOURCE_KINDS as readonly unknown[]).includes(obj.kind)
  );
}
