export {
  RelatedFluxStatesCard,
  type RelatedFluxStatesCardProps,
} from './RelatedFluxStatesCard';
