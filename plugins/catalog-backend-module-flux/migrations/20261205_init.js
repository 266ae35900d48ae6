// @ts-check

/**
 * The removal guard's table: the entity refs of each provider's last applied
 * mutation. Versions of the module before migrations created the same table
 * on first use; a database that has it keeps it, rows and all.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (await knex.schema.hasTable('flux_monorepo_provider_state')) return;
  await knex.schema.createTable('flux_monorepo_provider_state', table => {
    table.string('provider', 255).primary();
    table.text('entity_refs', 'longtext').notNullable();
    table.timestamp('updated_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('flux_monorepo_provider_state');
};
