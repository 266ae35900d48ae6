/**
 * Where the removal guard remembers a provider's last good entity set, so a
 * backend restart does not turn the first read after it into a blind trust.
 *
 * Why a table of our own in the catalog's database (the database service a
 * catalog module receives): it survives restarts, is shared by every backend
 * instance, needs no HTTP round trip to the catalog API (which is not yet
 * serving while providers connect) and depends on no catalog internals such
 * as the schema of `refresh_state`. Backstage's incremental ingestion module
 * keeps its own tables in the catalog database the same way.
 */
import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

export interface LastGoodStore {
  /** The entity refs of the provider's last applied mutation; undefined when it never applied one. */
  read(provider: string): Promise<string[] | undefined>;
  write(provider: string, entityRefs: string[]): Promise<void>;
}

export const LAST_GOOD_TABLE = 'flux_monorepo_provider_state';

export class DatabaseLastGoodStore implements LastGoodStore {
  private ready?: Promise<void>;

  constructor(private readonly getClient: () => Promise<Knex>) {}

  static fromDatabase(database: DatabaseService): DatabaseLastGoodStore {
    return new DatabaseLastGoodStore(() => database.getClient());
  }

  private async client(): Promise<Knex> {
    const knex = await this.getClient();
    this.ready ??= ensureTable(knex);
    await this.ready;
    return knex;
  }

  async read(provider: string): Promise<string[] | undefined> {
    const knex = await this.client();
    const row = await knex(LAST_GOOD_TABLE)
      .where({ provider })
      .first('entity_refs');
    return row ? (JSON.parse(row.entity_refs) as string[]) : undefined;
  }

  async write(provider: string, entityRefs: string[]): Promise<void> {
    const knex = await this.client();
    await knex(LAST_GOOD_TABLE)
      .insert({
        provider,
        entity_refs: JSON.stringify(entityRefs),
        updated_at: knex.fn.now(),
      })
      .onConflict('provider')
      .merge();
  }
}

async function ensureTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(LAST_GOOD_TABLE)) return;
  try {
    await knex.schema.createTable(LAST_GOOD_TABLE, table => {
      table.string('provider', 255).primary();
      table.text('entity_refs', 'longtext').notNullable();
      table.timestamp('updated_at').notNullable();
    });
  } catch (error) {
    // another backend instance may have created it between our check and create
    if (!(await knex.schema.hasTable(LAST_GOOD_TABLE))) throw error;
  }
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
