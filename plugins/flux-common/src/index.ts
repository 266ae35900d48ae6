/**
 * Flux v2 object types, API constants and catalog annotation keys shared by
 * the Flux Portal backend, frontend and CLI. Isomorphic: no I/O.
 *
 * @packageDocumentation
 */

export * from './api';
export * from './types';
export * from './annotations';
export * from './status';
export * from './rest';
export * from './permissions';
