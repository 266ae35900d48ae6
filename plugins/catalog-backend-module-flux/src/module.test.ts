/*
 * The module inside a real catalog backend (Backstage's test backend), against
 * real databases: SQLite always, PostgreSQL when the test command started one
 * (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleFluxMonorepo } from './module';
import { EXAMPLE_MONOREPO } from './__testUtils__/exampleMonorepo';
import {
  availablePostgres,
  createTestDatabases,
} from './__testUtils__/testDatabases';
import type { Server } from 'node:http';
import { query, waitForEntities } from './__testUtils__/catalogApi';

const databases = createTestDatabases();

jest.setTimeout(160_000);

/** The entity at `path` has relations of `type` to (at least) `targets`; returns it. */
async function expectRelations(
  server: Server,
  path: string,
  type: string,
  targets: string[],
) {
  const entity = await query(server, path);
  const related = entity.relations
    .filter((r: any) => r.type === type)
    .map((r: any) => r.targetRef);
  expect(related).toEqual(expect.arrayContaining(targets));
  return entity;
}

function exampleConfig() {
  return {
    catalog: {
      providers: {
        fluxMonorepo: {
          example: {
            target: EXAMPLE_MONOREPO,
            repositoryUrl: 'https://github.com/acme/platform/tree/main',
            schedule: {
              frequency: { minutes: 30 },
              timeout: { minutes: 3 },
              initialDelay: { seconds: 1 },
            },
          },
        },
      },
    },
  };
}

/** 34 Components; 21 infrastructure Resources besides the cluster. */
async function expectComponentsAndResources(server: Server) {
  const components = await waitForEntities(server, 'kind=component', 34);
  expect(components).toHaveLength(34);
  const resources = await waitForEntities(server, 'kind=resource', 22);
  expect(resources.map((r: any) => r.spec.type)).toContain(
    'kubernetes-cluster',
  );
  expect(
    resources.filter((r: any) => r.spec.type !== 'kubernetes-cluster'),
  ).toHaveLength(21);
}

/** Relations are stitched by the catalog from the entities' specs; location annotations kept. */
async function expectDjangoAndPostgres(server: Server) {
  const django = await expectRelations(
    server,
    '/entities/by-name/component/default/django',
    'dependsOn',
    [
      'resource:default/postgresql',
      'resource:default/redis',
      'resource:default/keycloak',
      'resource:default/vault',
    ],
  );
  expect(django.metadata.annotations).toMatchObject({
    'backstage.io/managed-by-location': `file:${EXAMPLE_MONOREPO}`,
    'backstage.io/view-url':
      'https://github.com/acme/platform/tree/main/apps/django/kustomization.yaml',
    'backstage.io/edit-url':
      'https://github.com/acme/platform/edit/main/apps/django/kustomization.yaml',
    'backstage.io/source-location':
      'url:https://github.com/acme/platform/tree/main/apps/django/',
  });

  await expectRelations(
    server,
    '/entities/by-name/resource/default/postgresql',
    'dependencyOf',
    ['component:default/django', 'resource:default/keycloak'],
  );
}

/** 18 topic and queue APIs, provided and consumed; 7 Systems. */
async function expectApisAndSystems(server: Server) {
  const apis = await waitForEntities(server, 'kind=api', 18);
  await waitForEntities(server, 'kind=system', 7);
  expect(apis.map((a: any) => a.metadata.name)).toContain('kafka-notify.email');
  const topic = await query(
    server,
    '/entities/by-name/api/default/kafka-notify.email',
  );
  expect(topic.relations.map((r: any) => `${r.type} ${r.targetRef}`)).toEqual(
    expect.arrayContaining([
      'apiProvidedBy component:default/message-hub',
      'apiConsumedBy component:default/subscriptions',
    ]),
  );
}

describe('catalog module flux-monorepo', () => {
  if (availablePostgres.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('PostgreSQL: no server was started for the tests (run ./portal test)', () => {});
  }

  it.each(databases.eachSupportedId())(
    'ingests the example monorepo into the catalog on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleFluxMonorepo,
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({ data: exampleConfig() }),
        ],
      });
      try {
        await expectComponentsAndResources(backend.server);
        await expectDjangoAndPostgres(backend.server);
        await expectApisAndSystems(backend.server);
      } finally {
        await backend.stop();
      }
    },
  );
});
