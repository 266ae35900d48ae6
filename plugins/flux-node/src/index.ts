/**
 * Node engine of Flux Portal.
 *
 * @packageDocumentation
 */

export * from './problems';
export * from './tree';
export * from './yaml';
export * from './kustomize';
export * from './flux';
export * from './model';
export * from './catalog';
export * from './scaffold';
export { runFluxPortalCli } from './cli';
