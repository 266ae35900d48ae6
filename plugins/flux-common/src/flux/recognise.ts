/**
 * Telling Flux objects apart by apiVersion and kind. A Flux `Kustomization`
 * and kustomize's own `kustomization.yaml` share a kind; only the API group
 * tells them apart.
 */
import { splitApiVersion } from '../kube/apiVersion';
import {
  HELM_GROUP,
  KUSTOMIZE_GROUP,
  PORTAL_FLUX_GROUPS,
  SOURCE_EXTENSIONS_GROUP,
  SOURCE_GROUP,
} from './groups';
import {
  ARTIFACT_GENERATOR_KIND,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  SOURCE_KINDS,
} from './kinds';

/**
 * The API group of an apiVersion when it is one of the groups the portal
 * reads (PORTAL_FLUX_GROUPS: source, kustomize, helm), else undefined.
 * @public
 */
export function fluxGroupOf(apiVersion: unknown): string | undefined {
  const { group } = splitApiVersion(apiVersion);
  return PORTAL_FLUX_GROUPS.includes(group) ? group : undefined;
}

/** The version part of a `group/version` apiVersion ('v1' of 'x.io/v1'); undefined for core `v1`. @public */
export function versionOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || !apiVersion.includes('/')) {
    return undefined;
  }
  return splitApiVersion(apiVersion).version;
}

/** Anything with an apiVersion and a kind, as read from YAML. @public */
export type TypedObject = { apiVersion?: unknown; kind?: unknown };

function isOfGroup(obj: TypedObject, group: string): boolean {
  return splitApiVersion(obj.apiVersion).group === group;
}

/** True for a Flux Kustomization (any group version), false for kustomize's own file. @public */
export function isFluxKustomization(obj: TypedObject): boolean {
  return obj.kind === KUSTOMIZATION_KIND && isOfGroup(obj, KUSTOMIZE_GROUP);
}

/** @public */
export function isHelmRelease(obj: TypedObject): boolean {
  return obj.kind === HELM_RELEASE_KIND && isOfGroup(obj, HELM_GROUP);
}

/** @public */
export function isFluxSource(obj: TypedObject): boolean {
  return (
    isOfGroup(obj, SOURCE_GROUP) &&
    (SOURCE_KINDS as readonly unknown[]).includes(obj.kind)
  );
}

/** source-watcher's ArtifactGenerator (source.extensions.fluxcd.io). @public */
export function isArtifactGenerator(obj: TypedObject): boolean {
  return (
    obj.kind === ARTIFACT_GENERATOR_KIND &&
    isOfGroup(obj, SOURCE_EXTENSIONS_GROUP)
  );
}
