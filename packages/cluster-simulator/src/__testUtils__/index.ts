/**
 * Helpers for this package's tests: a small Flux fixture, an authenticated
 * JSON client over real HTTP, and a raw watch-stream reader.
 */
export { FIXED_NOW, fluxFixture, readyKustomization } from './fluxFixture';
export { client } from './jsonClient';
export type { JsonResponse } from './jsonClient';
export { RawWatch, watchUrl } from './RawWatch';
export type { WatchEvent } from './RawWatch';

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));
