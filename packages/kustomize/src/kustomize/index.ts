export type {
  Selector,
  RenderedObject,
  RenderResult,
  UnresolvedReference,
} from './types';
export { ManifestCache } from './ManifestCache';
export { ParseCache } from './ParseCache';
export type { ParsedKustomization } from './ParseCache';
export type { CachedFile, CachedKustomization } from './ManifestCache';
export { renderKustomization } from './renderKustomization';
export type { RenderOptions } from './renderKustomization';
export { KUSTOMIZATION_FILE_NAMES } from './kustomizationFile';
export type { Kustomization, Located } from './kustomizationFile';
export type {
  GeneratorArgs,
  GeneratorOptions,
  ImageEntry,
  LabelEntry,
  PatchEntry,
} from './kustomizationFile/types';
export type { Replacement } from './transformers/applyReplacements';
export type { JsonMap } from './json';
export { isMap } from './json';
export { isRemoteReference } from './remote';
export {
  LabelSelectorError,
  matchesLabelSelector,
  parseLabelSelector,
  splitSelectorTerms,
} from './labelSelector';
export type { LabelRequirement } from './labelSelector';
