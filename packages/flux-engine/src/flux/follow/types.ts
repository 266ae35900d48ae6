import type {
  EngineProblem,
  FileTree,
  ManifestCache,
  RenderedObject,
  RenderResult,
} from '@flux-portal/kustomize';
import type { ConfigIndex } from '../ConfigIndex';
import type { KustomizationSpec, Origin } from '../readFluxObjects';
import type { SourceMapping } from '../sources';

/** Where a file lives: which source (mapping) and its tree path. @public */
export interface Located extends Origin {
  /** 'GitRepository/flux-system/flux-system' style key of the source */
  source: string;
}

/** @public */
export type KustomizationStatus =
  | 'rendered'
  | 'external'
  | 'path-not-found'
  | 'not-rendered'
  /** refused as written (see reason); listed so it does not vanish */
  | 'invalid';

/** @public */
export interface FollowedKustomization {
  key: string;
  spec: KustomizationSpec;
  definedAt: Located;
  /** key of the Kustomization whose output holds this one; null = entry folder */
  appliedBy: string | null;
  status: KustomizationStatus;
  /** why it was not rendered; for a rendered one, a note on how its source was taken */
  reason: string | null;
  /**
   * the folder actually rendered when status is 'rendered': a path in its
   * source's tree; for an ExternalArtifact, the folder it was copied from
   */
  renderedDir: string | null;
  objects: RenderedObject[];
  variables: string[];
  secretVariables: string[];
  missingSources: string[];
  renders: number;
}

/** An ExternalArtifact an ArtifactGenerator of the walk declares. @public */
export interface FollowedArtifact {
  namespace: string;
  name: string;
  /** 'namespace/name' of its ArtifactGenerator */
  generator: string;
  definedAt: Located;
  /** keys of the sources its copy operations read */
  sources: string[];
  /** key of the source whose revision it reports as its origin, if any */
  originRevision: string | null;
  generated: boolean;
  /** why it was not generated */
  reason: string | null;
}

/** @public */
export interface FollowResult {
  entryObjects: RenderedObject[];
  artifacts: FollowedArtifact[];
  entrySource: string;
  kustomizations: Map<string, FollowedKustomization>;
  configs: ConfigIndex;
  problems: EngineProblem[];
  unresolved: Array<{ file: string; line?: number; reference: string }>;
}

/** The sources known so far in a walk: mappings, and artifacts that could not be generated. */
export interface KnownSources {
  mappings: SourceMapping[];
  /** the repository being read (the tree root's mapping), when mapped */
  self?: SourceMapping;
  /** ExternalArtifact key → why it was not generated */
  notGenerated: Map<string, string>;
}

/** @public */
export interface FollowOptions {
  tree: FileTree;
  entryDir: string;
  sources: SourceMapping[];
  /** one cache per tree, shared across every render of a load */
  caches: Map<FileTree, ManifestCache>;
}

/** What rendering one Kustomization's folder produced, before it is settled. */
export interface RawRender {
  status: KustomizationStatus;
  reason?: string;
  problems: EngineProblem[];
  dir?: string;
  rendered?: RenderResult;
}
