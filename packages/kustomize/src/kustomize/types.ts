// Leaf module: imports only other leaf modules, so every part of the renderer
// can use these types without an import cycle.
import type { EngineProblem } from '../problems';
import type { KubeObject } from '../yaml/types';

/**
 * Kustomize patch target selector (`patches[].target`). `name` and
 * `namespace` are anchored regular expressions, as kustomize treats them.
 * @public
 */
export type Selector = Partial<
  Record<
    | 'group'
    | 'version'
    | 'kind'
    | 'name'
    | 'namespace'
    | 'labelSelector'
    | 'annotationSelector',
    string
  >
>;

/** An object produced by a render, with where its source document starts. @public */
export interface RenderedObject {
  object: KubeObject;
  origin: { file: string; line: number };
}

/** A reference that was recorded but not followed (remote bases, git URLs). @public */
export interface UnresolvedReference {
  file: string;
  line?: number;
  reference: string;
}

/** Everything a render produced. @public */
export interface RenderResult {
  objects: RenderedObject[];
  problems: EngineProblem[];
  unresolved: UnresolvedReference[];
}
