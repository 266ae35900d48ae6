import type { Replacement } from '../transformers/applyReplacements';
import type { Selector } from '../types';

/** File names kustomize recognises, in its lookup order. @public */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** A list entry of the kustomization with the line it sits on. @public */
export interface Located<T> {
  value: T;
  line: number;
}

/** @public */
export interface PatchEntry {
  patch?: string;
  path?: string;
  target?: Selector;
  /** 'json6902' for legacy patchesJson6902 entries (always JSON patches). */
  legacy?: 'smp' | 'json6902';
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

/** @public */
export interface LabelEntry {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
}

/** @public */
export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** @public */
export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

/** @public */
export interface GeneratorArgs {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace?: string;
  behavior: 'create' | 'merge' | 'replace';
  literals: string[];
  files: string[];
  envs: string[];
  type?: string;
  options?: GeneratorOptions;
}

/** A kustomization (or component) file, normalised: legacy fields folded in. @public */
export interface Kustomization {
  file: string;
  dir: string;
  isComponent: boolean;
  resources: Located<string>[];
  components: Located<string>[];
  patches: Located<PatchEntry>[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  labels: LabelEntry[];
  commonAnnotations?: Record<string, string>;
  images: Located<ImageEntry>[];
  replicas: Located<{ name: string; count: number }>[];
  generators: Located<GeneratorArgs>[];
  generatorOptions?: GeneratorOptions;
  /** Output order; only the top kustomization's counts, as in kustomize. */
  sortOptions?: {
    order: 'legacy' | 'fifo';
    orderFirst?: string[];
    orderLast?: string[];
  };
  /** Inline replacements, or `path` entries to read next to the file. */
  replacements: Located<Replacement | { path: string }>[];
}
