export type * from './types';
export type * from './deployTypes';
export {
  FLUX_PLUGIN_ID,
  entityStatusPath,
  entityActionPath,
  entityActionImpactPath,
} from './paths';
export type * from './coverageTypes';
