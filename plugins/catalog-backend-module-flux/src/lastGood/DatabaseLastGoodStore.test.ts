/*
 * The removal guard's table comes from the package's migrations, on real
 * SQLite (and PostgreSQL when the test command started one): a fresh database
 * migrates, and a database holding the table the module used to create on
 * first use migrates without losing its rows.
 */
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  DatabaseLastGoodStore,
  LAST_GOOD_TABLE,
} from './DatabaseLastGoodStore';
import { Knex, MIGRATIONS } from './migrateLastGoodStore';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const PROVIDER = 'flux-monorepo-provider:example';
const REFS = ['component:default/django', 'resource:default/postgresql'];

async function migrationNames(knex: Knex) {
  const [completed, pending] = await knex.migrate.list(MIGRATIONS);
  return {
    completed: completed.map((m: { name: string }) => m.name),
    pending: pending.map((m: { file: string }) => m.file),
  };
}

/** The table exactly as the module created it before it had migrations. */
async function createTableAsBeforeMigrations(knex: Knex) {
  await knex.schema.createTable(LAST_GOOD_TABLE, table => {
    table.string('provider', 255).primary();
    table.text('entity_refs', 'longtext').notNullable();
    table.timestamp('updated_at').notNullable();
  });
}

describe('DatabaseLastGoodStore migrations', () => {
  it.each(databases.eachSupportedId())(
    'creates the table in a fresh database on first use (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseLastGoodStore(async () => knex);
      expect(await store.read(PROVIDER)).toBeUndefined();
      expect(await knex.schema.hasTable(LAST_GOOD_TABLE)).toBe(true);
      expect(await migrationNames(knex)).toEqual({
        completed: ['20261205_init.js', '20261206_generation.js'],
        pending: [],
      });
      await store.write(PROVIDER, { entityRefs: REFS, generation: 'one' });
      await store.write(PROVIDER, { entityRefs: REFS.slice(1) });
      expect(await store.read(PROVIDER)).toEqual({
        entityRefs: REFS.slice(1),
        generation: undefined,
      });
      await store.write(PROVIDER, { entityRefs: REFS, generation: 'two' });
      expect(await store.read(PROVIDER)).toEqual({
        entityRefs: REFS,
        generation: 'two',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the rows of a table created before the migrations existed (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createTableAsBeforeMigrations(knex);
      await knex(LAST_GOOD_TABLE).insert({
        provider: PROVIDER,
        entity_refs: JSON.stringify(REFS),
        updated_at: knex.fn.now(),
      });

      const store = new DatabaseLastGoodStore(async () => knex);
      expect(await store.read(PROVIDER)).toEqual({
        entityRefs: REFS,
        generation: undefined,
      });
      expect((await migrationNames(knex)).completed).toEqual([
        '20261205_init.js',
        '20261206_generation.js',
      ]);
      await store.write('flux-monorepo-provider:other', {
        entityRefs: REFS,
        generation: 'g',
      });
      const providers = await knex(LAST_GOOD_TABLE)
        .orderBy('provider')
        .pluck('provider');
      expect(providers).toEqual([PROVIDER, 'flux-monorepo-provider:other']);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls back to no table (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await new DatabaseLastGoodStore(async () => knex).read(PROVIDER);
      await knex.migrate.rollback(MIGRATIONS, true);
      expect(await knex.schema.hasTable(LAST_GOOD_TABLE)).toBe(false);
    },
  );

  it('leaves the schema alone when the database service skips migrations', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = DatabaseLastGoodStore.fromDatabase({
      getClient: async () => knex,
      migrations: { skip: true },
    });
    // matched by message: the driver's error may come from another realm than jest's Error
    await expect(store.read(PROVIDER)).rejects.toMatchObject({
      message: expect.stringContaining(LAST_GOOD_TABLE),
    });
    expect(await knex.schema.hasTable(LAST_GOOD_TABLE)).toBe(false);
  });
});
