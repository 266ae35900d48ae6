import type { KubeObject } from '@flux-portal/plugin-flux-common';

/**
 * An object in the simulated cluster. Its kind is known only at run time and
 * the simulated controllers read and write spec and status fields of any
 * kind, so those two are untyped here.
 * @public
 */
export type ClusterObject = KubeObject<any, any>;
