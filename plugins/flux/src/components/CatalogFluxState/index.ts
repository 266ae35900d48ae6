export { createFluxStateColumn, FluxStateCell } from './FluxStateCell';
export {
  EntityFluxStateFilter,
  FluxStateFilterPicker,
} from './FluxStateFilter';
