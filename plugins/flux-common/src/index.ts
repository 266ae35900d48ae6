/**
 * Kubernetes and Flux constants, object types and the catalog annotation
 * keys shared by the Flux Portal backend, frontend, CLI and the cluster
 * simulator. Isomorphic: no I/O.
 *
 * @packageDocumentation
 */

export * from './kube';
export * from './flux';
export * from './entity';
export * from './status';
export * from './rest';
export * from './permissions';
export * from './config';
export * from './entityCoverage';
