export { buildFluxKustomization } from './buildFluxKustomization';
export { generateKustomization } from './generateKustomization';
export type { GeneratedKustomization } from './generateKustomization';
export { fluxOverlayOf } from './fluxOverlayOf';
export type { FluxOverlay } from './types';
