/**
 * Generators for benchmarks: `@flux-portal/test-utils/generators` loads
 * without the schema validators (whose kubernetes-models packages are ESM
 * only), so plain `node` scripts can import it.
 */
export { GENERATED_CLUSTER, generateMonorepo } from './generateMonorepo';
export {
  GENERATED_CHART_REPOSITORY,
  generatedHelmRelease,
  generatedHelmRepository,
} from './fluxObjects';
