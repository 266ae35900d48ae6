export {
  FluxPageContent,
  FluxRuntimeContent,
  FluxRuntimePage,
} from './FluxRuntimePage';
