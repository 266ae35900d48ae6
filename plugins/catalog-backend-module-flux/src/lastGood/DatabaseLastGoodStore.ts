/**
 * The removal guard's last good sets in a table of our own in the catalog's
 * database (the database service a catalog module receives): it survives
 * restarts, is shared by every backend instance, needs no HTTP round trip to
 * the catalog API (which is not yet serving while providers connect) and
 * depends on no catalog internals such as the schema of `refresh_state`.
 * Backstage's incremental ingestion module keeps its own tables in the
 * catalog database the same way.
 */
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { LastGoodSet, LastGoodStore } from './LastGoodStore';
import { Knex, migrateLastGoodStore } from './migrateLastGoodStore';

/** Created by migrations/20261205_init.js; `generation` by 20261206_generation.js. */
export const LAST_GOOD_TABLE = 'flux_monorepo_provider_state';

export class DatabaseLastGoodStore implements LastGoodStore {
  private migrated?: Promise<void>;

  constructor(
    private readonly getClient: () => Promise<Knex>,
    private readonly options: { skipMigrations?: boolean } = {},
  ) {}

  static fromDatabase(database: DatabaseService): DatabaseLastGoodStore {
    return new DatabaseLastGoodStore(() => database.getClient(), {
      skipMigrations: database.migrations?.skip,
    });
  }

  /**
   * The client, migrated on first use rather than at startup: a database
   * problem then costs the removal guard its memory for one refresh (logged),
   * not the backend its start. A failed migration is tried again next time.
   */
  private async client(): Promise<Knex> {
    const knex = await this.getClient();
    if (!this.options.skipMigrations) {
      this.migrated ??= migrateLastGoodStore(knex).catch(error => {
        this.migrated = undefined;
        throw error;
      });
      await this.migrated;
    }
    return knex;
  }

  async read(provider: string): Promise<LastGoodSet | undefined> {
    const knex = await this.client();
    const row = await knex(LAST_GOOD_TABLE)
      .where({ provider })
      .first('entity_refs', 'generation');
    if (!row) return undefined;
    return {
      entityRefs: JSON.parse(row.entity_refs) as string[],
      generation: row.generation ?? undefined,
    };
  }

  async write(provider: string, set: LastGoodSet): Promise<void> {
    const knex = await this.client();
    await knex(LAST_GOOD_TABLE)
      .insert({
        provider,
        entity_refs: JSON.stringify(set.entityRefs),
        generation: set.generation ?? null,
        updated_at: knex.fn.now(),
      })
      .onConflict('provider')
      .merge();
  }
}
