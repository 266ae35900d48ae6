/**
 * Which local files a Flux source stands for. The repository being read is
 * the GitRepository `flux-system` (what `flux bootstrap` creates) unless the
 * caller maps another source name to its root; other sources (tenant repos,
 * OCI artifacts) can be mapped to local folders. Anything unmapped is external:
 * reported, never fetched.
 */
import {
  ARTIFACT_SOURCE_KINDS,
  EXTERNAL_ARTIFACT_KIND,
  FLUX_SYSTEM_NAMESPACE,
} from '@flux-portal/plugin-flux-common';
import type { FileTree } from '@flux-portal/kustomize';
import type { ObjectRef } from './readFluxObjects';

/** @public */
export interface SourceMapping {
  /**
   * The kind it stands for: any of GitRepository/OCIRepository/Bucket when
   * omitted (what `--source NAME=DIR` maps), or ExternalArtifact for the
   * artifacts an ArtifactGenerator in the repository generates.
   */
  kind?: typeof EXTERNAL_ARTIFACT_KIND;
  /** metadata.name of the source */
  name: string;
  /** restricts the match to one namespace; any namespace when omitted */
  namespace?: string;
  tree: FileTree;
  /** folder in `tree` that is the source's root ('' = tree root) */
  dir: string;
}

/** `flux bootstrap` names the GitRepository of the repository itself after its namespace. @public */
export const DEFAULT_SELF_SOURCE = FLUX_SYSTEM_NAMESPACE;

/** @public */
export function sourceKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** Adds the default self mapping unless the caller already mapped the tree root. @public */
export function withSelfSource(
  tree: FileTree,
  mappings: SourceMapping[],
): SourceMapping[] {
  const rootMapped = mappings.some(m => m.tree === tree && m.dir === '');
  if (rootMapped) return mappings;
  return [...mappings, { name: DEFAULT_SELF_SOURCE, tree, dir: '' }];
}

/** @public */
export function resolveSource(
  ref: ObjectRef,
  mappings: SourceMapping[],
): SourceMapping | undefined {
  if (ref.kind === EXTERNAL_ARTIFACT_KIND) {
    return mappings.find(
      m =>
        m.kind === EXTERNAL_ARTIFACT_KIND &&
        m.name === ref.name &&
        m.namespace === ref.namespace,
    );
  }
  if (!(ARTIFACT_SOURCE_KINDS as readonly string[]).includes(ref.kind)) {
    return undefined;
  }
  return mappings.find(
    m =>
      m.kind === undefined &&
      m.name === ref.name &&
      (!m.namespace || m.namespace === ref.namespace),
  );
}
