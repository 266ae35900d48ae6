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
import { query, waitForEntities } from './__testUtils__/catalogApi';

const databases = createTestDatabases();

jest.setTimeout(160_000);

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
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                providers: {
                  fluxMonorepo: {
                    example: {
                      target: EXAMPLE_MONOREPO,
                      repositoryUrl:
                        'https://github.com/acme/platform/tree/main',
                      schedule: {
                        frequency: { minutes: 30 },
                        timeout: { minutes: 3 },
                        initialDelay: { seconds: 1 },
                      },
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      const { server } = backend;
      try {
        const components = await waitForEntities(server, 'kind=component', 34);
        expect(components).toHaveLength(34);
        const resources = await waitForEntities(server, 'kind=resource', 22);
        expect(resources.map((r: any) => r.spec.type)).toContain(
          'kubernetes-cluster',
        );
        expect(
          resources.filter((r: any) => r.spec.type !== 'kubernetes-cluster'),
        ).toHaveLength(21);

        // Relations are stitched by the catalog from the entities' specs.
        const django = await query(
          server,
          '/entities/by-name/component/default/django',
        );
        const dependsOn = django.relations
          .filter((r: any) => r.type === 'dependsOn')
          .map((r: any) => r.targetRef);
        expect(dependsOn).toEqual(
          expect.arrayContaining([
            'resource:default/postgresql',
            'resource:default/redis',
            'resource:default/keycloak',
            'resource:default/vault',
          ]),
        );
        expect(
          django.metadata.annotations['backstage.io/managed-by-location'],
        ).toBe(`file:${EXAMPLE_MONOREPO}`);
        expect(django.metadata.annotations['backstage.io/view-url']).toBe(
          'https://github.com/acme/platform/tree/main/apps/django/kustomization.yaml',
        );
        expect(django.metadata.annotations['backstage.io/edit-url']).toBe(
          'https://github.com/acme/platform/edit/main/apps/django/kustomization.yaml',
        );
        expect(
          django.metadata.annotations['backstage.io/source-location'],
        ).toBe('url:https://github.com/acme/platform/tree/main/apps/django/');

        const postgres = await query(
          server,
          '/entities/by-name/resource/default/postgresql',
        );
        const dependents = postgres.relations
          .filter((r: any) => r.type === 'dependencyOf')
          .map((r: any) => r.targetRef);
        expect(dependents).toEqual(
          expect.arrayContaining([
            'component:default/django',
            'resource:default/keycloak',
          ]),
        );

        const apis = await waitForEntities(server, 'kind=api', 18);
        await waitForEntities(server, 'kind=system', 7);
        expect(apis.map((a: any) => a.metadata.name)).toContain(
          'kafka-notify.email',
        );
        const topic = await query(
          server,
          '/entities/by-name/api/default/kafka-notify.email',
        );
        const topicRelations = topic.relations.map(
          (r: any) => `${r.type} ${r.targetRef}`,
        );
        expect(topicRelations).toEqual(
          expect.arrayContaining([
            'apiProvidedBy component:default/message-hub',
            'apiConsumedBy component:default/subscriptions',
          ]),
        );
      } finally {
        await backend.stop();
      }
    },
  );
});
