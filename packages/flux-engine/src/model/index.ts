export { loadMonorepo } from './loadMonorepo';
export type { LoadOptions } from './loadMonorepo';
export { findEntries } from './findEntries';
export type { EntryDir } from './findEntries';
export { composeValues, mergeValues } from './helmValues';
export type { Values } from './helmValues';
export { redactSecret, REDACTED } from './redactSecrets';
export type * from './types';
