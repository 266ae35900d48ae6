/**
 * Where the removal guard remembers a provider's last good entity set, so a
 * backend restart does not turn the first read after it into a blind trust.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';

/** @public */
export interface LastGoodStore {
  /** The entity refs of the provider's last applied mutation; undefined when it never applied one. */
  read(provider: string): Promise<string[] | undefined>;
  write(provider: string, entityRefs: string[]): Promise<void>;
}

/** A store that forgets on restart: for tests and callers without a database. */
export function memoryLastGoodStore(): LastGoodStore {
  const sets = new Map<string, string[]>();
  return {
    async read(provider) {
      return sets.get(provider);
    },
    async write(provider, entityRefs) {
      sets.set(provider, [...entityRefs]);
    },
  };
}

/** Reads through a store, logging instead of failing when the store is unavailable. */
export async function readLastGood(
  store: LastGoodStore,
  provider: string,
  logger: LoggerService,
): Promise<Set<string>> {
  try {
    return new Set((await store.read(provider)) ?? []);
  } catch (error) {
    logger.warn(
      `Could not read the last ingested entities of ${provider}: ${
        (error as Error).message
      }; the removal guard starts empty`,
    );
    return new Set();
  }
}
