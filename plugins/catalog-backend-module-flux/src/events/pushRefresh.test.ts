/*
 * Refresh on push inside a real catalog backend (Backstage's test backend)
 * with the events service, on real databases (SQLite always, PostgreSQL when
 * the test command started one): a push to provider A's repository and branch
 * refreshes A and not B; other branches and tags refresh nothing.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogModuleFluxMonorepo } from '../module';
import { EXAMPLE_MONOREPO } from '../__testUtils__/exampleMonorepo';
import { folderUrlReader } from '../__testUtils__/folderUrlReader';
import { waitForEntities } from '../__testUtils__/catalogApi';
import {
  availablePostgres,
  createTestDatabases,
} from '../__testUtils__/testDatabases';

const databases = createTestDatabases();

jest.setTimeout(160_000);

const A = 'https://github.com/acme/platform/tree/main/';
const B = 'https://gitlab.com/acme/other/-/tree/main/';

/** A schedule that never runs during the test: only push events refresh. */
const idle = {
  frequency: { hours: 24 },
  timeout: { minutes: 3 },
  initialDelay: { hours: 24 },
};

function githubPush(fullName: string, ref: string) {
  return {
    ref,
    after: 'b'.repeat(40),
    deleted: false,
    repository: {
      full_name: fullName,
      html_url: `https://github.com/${fullName}`,
      default_branch: 'main',
    },
  };
}

/** The refresh runs after the event is handled: poll for what it does. */
async function waitFor(condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('refresh on push', () => {
  if (availablePostgres.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('PostgreSQL: no server was started for the tests (run ./portal test)', () => {});
  }

  it.each(databases.eachSupportedId())(
    'a push to A refreshes A and not B on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const folder = folderUrlReader(EXAMPLE_MONOREPO);
      const reads: string[] = [];
      const urlReader = mockServices.urlReader.mock({
        async readTree(url, options) {
          reads.push(url);
          // B's read fails at once (logged, nothing applied): no refresh outlives the test
          if (url === B) throw new Error('B is not served in this test');
          return folder.urlReader.readTree(url, options);
        },
      });
      let events: EventsService | undefined;
      const grabEvents = createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-events',
        register(env) {
          env.registerInit({
            deps: { e: eventsServiceRef },
            async init({ e }) {
              events = e;
            },
          });
        },
      });
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleFluxMonorepo,
          grabEvents,
          urlReader.factory,
          mockServices.events.factory(),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                providers: {
                  fluxMonorepo: {
                    a: { target: A, schedule: idle },
                    b: { target: B, schedule: idle },
                  },
                },
              },
            },
          }),
        ],
      });
      try {
        const publish = (topic: string, eventPayload: unknown) =>
          events!.publish({ topic, eventPayload });

        // Another branch, a tag, another repository: nothing is read.
        await publish(
          'github.push',
          githubPush('acme/platform', 'refs/heads/dev'),
        );
        await publish(
          'github.push',
          githubPush('acme/platform', 'refs/tags/v1'),
        );
        await publish(
          'github.push',
          githubPush('acme/other', 'refs/heads/main'),
        );
        expect(reads).toEqual([]);

        // A push to A's repository and branch: A reads once and ingests; B never reads.
        await publish(
          'github.push',
          githubPush('Acme/Platform', 'refs/heads/main'),
        );
        await waitForEntities(backend.server, 'kind=component', 34);
        expect(reads).toEqual([A]);

        // A GitLab push to B's repository and branch refreshes B only.
        await publish('gitlab.push', {
          object_kind: 'push',
          ref: 'refs/heads/main',
          after: 'c'.repeat(40),
          project: {
            path_with_namespace: 'acme/other',
            web_url: 'https://gitlab.com/acme/other',
            default_branch: 'main',
          },
        });
        await waitFor(() => reads.length === 2);
        expect(reads).toEqual([A, B]);
      } finally {
        await backend.stop();
      }
    },
  );
});
