export type {
  Selector,
  RenderedObject,
  FluxOverlay,
  RenderOptions,
  RenderResult,
  UnresolvedReference,
} from './types';
export { ManifestCache } from './ManifestCache';
export type { CachedFile } from './ManifestCache';
export { renderKustomization } from './renderKustomization';
export { KUSTOMIZATION_FILE_NAMES } from './kustomizationFile';
export { isRemoteReference } from './remote';
export type { CachedKustomization } from './ManifestCache';
