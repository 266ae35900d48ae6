export { EntityFluxContent } from './EntityFluxContent';
export { FluxEmptyState } from './FluxEmptyState';
