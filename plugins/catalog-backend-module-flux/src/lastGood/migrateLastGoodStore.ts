/**
 * The module's tables in the catalog database come from versioned knex
 * migrations (`migrations/` of this package), recorded in a migrations table
 * of their own so they never mix with the catalog's.
 */
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';

export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

export const MIGRATIONS = {
  directory: resolvePackagePath(
    '@flux-portal/plugin-catalog-backend-module-flux',
    'migrations',
  ),
  tableName: 'flux_portal_catalog__knex_migrations',
};

export async function migrateLastGoodStore(knex: Knex): Promise<void> {
  await knex.migrate.latest(MIGRATIONS);
}
