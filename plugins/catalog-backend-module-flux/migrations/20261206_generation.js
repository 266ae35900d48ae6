// @ts-check

/**
 * Which refresh applied the last good set: a random id written with it. A
 * provider instance sends a push's changes as a delta only while the stored
 * id is the one it wrote itself, i.e. while no other backend instance has
 * applied a set since (see FluxMonorepoEntityProvider).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('flux_monorepo_provider_state', table => {
    table.string('generation', 64).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('flux_monorepo_provider_state', table => {
    table.dropColumn('generation');
  });
};
