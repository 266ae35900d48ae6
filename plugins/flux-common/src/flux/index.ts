/** Flux API groups, kinds, conditions, labels, annotations and manifest shapes. */
export * from './groups';
export * from './kinds';
export * from './recognise';
export * from './conditions';
export * from './labels';
export * from './annotations';
export * from './installation';
export * from './crossNamespaceRef';
export type * from './manifestTypes';
