export {
  RelatedFluxStatesCard,
  type RelatedFluxStatesCardProps,
} from './RelatedFluxStatesCard';
export { EntityStatesTable, summarise } from './EntityStatesTable';
