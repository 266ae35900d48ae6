import { EngineProblem } from '../problems';
import { KubeObject } from '../yaml';
import type { ManifestCache } from './ManifestCache';

/** Kustomize patch target selector (as in `patches[].target`). */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  /** Anchored regular expression, as kustomize treats it. */
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** An object produced by a render, with where its source document starts. */
export interface RenderedObject {
  object: KubeObject;
  origin: { file: string; line: number };
}

/** What kustomize-controller adds on top of the folder, as its generator does. */
export interface FluxOverlay {
  /** spec.targetNamespace */
  namespace?: string;
  patches?: Array<{ patch: string; target?: Selector }>;
  images?: Array<{
    name: string;
    newName?: string;
    newTag?: string;
    digest?: string;
  }>;
  /** Paths relative to the rendered dir. */
  components?: string[];
  commonMetadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** Render options. */
export interface RenderOptions {
  overlay?: FluxOverlay;
  /** Shares parsed files across many renders of one load. */
  cache?: ManifestCache;
}

/** A reference that was recorded but not followed (remote bases, git URLs). */
export interface UnresolvedReference {
  file: string;
  line?: number;
  reference: string;
}

/** Everything a render produced. */
export interface RenderResult {
  objects: RenderedObject[];
  problems: EngineProblem[];
  unresolved: UnresolvedReference[];
}
