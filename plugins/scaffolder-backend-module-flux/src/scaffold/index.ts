/**
 * Pure generators for the files of a Flux monorepo in the layout Flux Portal
 * serves: business services under `apps/`, Helm-based components under
 * `infrastructure/`, cluster entry points under `clusters/`, and the edit
 * that registers a new folder in a kustomization.yaml.
 */
export * from './types';
export {
  PLATFORM_ENDPOINTS,
  DEFAULT_APP_PORT,
  serviceUrl,
  restEnvName,
} from './endpoints';
export { renderAppEnv } from './appEnv';
export type { EnvVar } from './appEnv';
export { renderAppFiles } from './renderAppFiles';
export {
  renderInfraComponentFiles,
  helmReleaseObject,
} from './renderInfraComponentFiles';
export { renderClusterFiles } from './renderClusterFiles';
export { addToKustomizationResources } from './addToKustomizationResources';
