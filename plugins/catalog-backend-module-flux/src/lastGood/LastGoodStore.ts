/**
 * Where the removal guard remembers a provider's last good entity set, so a
 * backend restart does not turn the first read after it into a blind trust.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';

/** @public */
export interface LastGoodSet {
  /** The entity refs of the provider's last applied mutation. */
  entityRefs: string[];
  /**
   * A random id of the refresh that applied it: a provider instance that
   * wrote it knows the catalog holds what it applied (no other instance has
   * applied since), so it may send the next push's changes as a delta.
   */
  generation?: string;
}

/** @public */
export interface LastGoodStore {
  /** The provider's last good set; undefined when it never applied one. */
  read(provider: string): Promise<LastGoodSet | undefined>;
  write(provider: string, set: LastGoodSet): Promise<void>;
}

/** A store that forgets on restart: for tests and callers without a database. */
export function memoryLastGoodStore(): LastGoodStore {
  const sets = new Map<string, LastGoodSet>();
  return {
    async read(provider) {
      return sets.get(provider);
    },
    async write(provider, set) {
      sets.set(provider, { ...set, entityRefs: [...set.entityRefs] });
    },
  };
}

/** Reads through a store, logging instead of failing when the store is unavailable. */
export async function readLastGood(
  store: LastGoodStore,
  provider: string,
  logger: LoggerService,
): Promise<{ refs: Set<string>; generation?: string }> {
  try {
    const set = await store.read(provider);
    return {
      refs: new Set(set?.entityRefs ?? []),
      generation: set?.generation,
    };
  } catch (error) {
    logger.warn(
      `Could not read the last ingested entities of ${provider}: ${
        (error as Error).message
      }; the removal guard starts empty`,
    );
    return { refs: new Set() };
  }
}
