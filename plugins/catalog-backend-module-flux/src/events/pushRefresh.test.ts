/*
 * Refresh on push inside a real catalog backend (Backstage's test backend)
 * with the events service, on real databases (SQLite always, PostgreSQL when
 * the test command started one): a push to provider A's repository and branch
 * refreshes A and not the others; other branches, tags, deletions and
 * malformed payloads refresh nothing; GitLab, Bitbucket Cloud and Gitea
 * (through the HTTP ingress's topic and headers) pushes refresh only their
 * providers.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleFluxMonorepo } from '../module';
import { EXAMPLE_MONOREPO } from '../__testUtils__/exampleMonorepo';
import { folderUrlReader } from '../__testUtils__/folderUrlReader';
import { waitForEntities } from '../__testUtils__/catalogApi';
import { captureEvents, waitFor } from '../__testUtils__/captureEvents';
import {
  availablePostgres,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import type { PushEvent } from './pushMatch';
import {
  bitbucketCloudPush,
  giteaPush,
  githubPush,
  gitlabPush,
} from './__testUtils__/pushPayloads';

const databases = createTestDatabases();

jest.setTimeout(160_000);

const A = 'https://github.com/acme/platform/tree/main/';
const B = 'https://gitlab.com/acme/other/-/tree/main/';
const C = 'https://bitbucket.org/acme/platform/src/main/clusters';
const D = 'https://gitea.example.com/acme/platform/src/branch/main/';

/** A schedule that never runs during the test: only push events refresh. */
const idle = {
  frequency: { hours: 24 },
  timeout: { minutes: 3 },
  initialDelay: { hours: 24 },
};

/** The refresh runs after the event is handled: poll for what it does. */

describe('refresh on push', () => {
  if (availablePostgres.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('PostgreSQL: no server was started for the tests (run ./portal test)', () => {});
  }

  it.each(databases.eachSupportedId())(
    'a push refreshes only the provider of its repository and branch, on every forge, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const folder = folderUrlReader(EXAMPLE_MONOREPO);
      const reads: string[] = [];
      const urlReader = mockServices.urlReader.mock({
        async readTree(url, options) {
          reads.push(url);
          // B's, C's and D's reads fail at once (logged, nothing applied): no refresh outlives the test
          if (url !== A) throw new Error(`${url} is not served in this test`);
          return folder.urlReader.readTree(url, options);
        },
      });
      const captured = captureEvents();
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleFluxMonorepo,
          captured.module,
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
                    c: { target: C, schedule: idle },
                    d: { target: D, schedule: idle },
                  },
                },
              },
            },
          }),
        ],
      });
      try {
        const publish = (event: PushEvent) => captured.events().publish(event);

        // Another branch, a tag, another repository, a deletion, another
        // Gitea event, malformed payloads: nothing is read.
        await publish(githubPush('acme/platform', 'refs/heads/dev'));
        await publish(githubPush('acme/platform', 'refs/tags/v1'));
        await publish(githubPush('acme/other', 'refs/heads/main'));
        await publish(
          bitbucketCloudPush('acme/platform', [['tag', 'main'], null]),
        );
        await publish(
          giteaPush('acme/platform', 'refs/heads/main', { event: 'create' }),
        );
        await publish({
          topic: 'bitbucketCloud.repo:push',
          eventPayload: { push: { changes: [null, 'main', { new: 7 }] } },
        });
        await publish({ topic: 'azureDevOps.git.push', eventPayload: 'push' });
        await publish({ topic: 'gitea', eventPayload: null });
        expect(reads).toEqual([]);

        // A push to A's repository and branch: A reads once and ingests; the others never read.
        await publish(githubPush('Acme/Platform', 'refs/heads/main'));
        await waitForEntities(backend.server, 'kind=component', 34);
        expect(reads).toEqual([A]);

        // A GitLab push to B's repository and branch refreshes B only.
        await publish(gitlabPush('acme/other', 'refs/heads/main'));
        await waitFor(() => reads.length === 2);
        expect(reads).toEqual([A, B]);

        // A Bitbucket Cloud push of two branches, one of them C's, refreshes C only.
        await publish(
          bitbucketCloudPush('acme/platform', [
            ['branch', 'dev'],
            ['branch', 'main'],
          ]),
        );
        await waitFor(() => reads.length === 3);
        expect(reads).toEqual([A, B, C]);

        // A Gitea push (topic gitea, X-Gitea-Event: push) refreshes D only.
        await publish(giteaPush('acme/platform', 'refs/heads/main'));
        await waitFor(() => reads.length === 4);
        expect(reads).toEqual([A, B, C, D]);
      } finally {
        await backend.stop();
      }
    },
  );
});
