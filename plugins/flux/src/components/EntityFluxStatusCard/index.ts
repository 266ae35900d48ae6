export { EntityFluxStatusCard } from './EntityFluxStatusCard';
