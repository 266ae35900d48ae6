import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/** PostgreSQL versions the test command started a server for (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING). */
export const availablePostgres = POSTGRES_IDS.filter(
  id =>
    process.env[
      `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
    ],
);

/** Real SQLite always, real PostgreSQL when one was started; never Docker. */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', ...availablePostgres],
    disableDocker: true,
  });
}
