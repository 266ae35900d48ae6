/*
 * What a refresh costs the Git host, in a real catalog backend with
 * Backstage's real UrlReader (the Gitea reader) against a loopback Gitea that
 * serves a real archive, on real databases (SQLite always, PostgreSQL when the
 * test command started one): a push that finds the repository unchanged costs
 * one request (the branch's commit, the ETag) and reads no archive; a push
 * with a new commit reads the archive once and the catalog shows the change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogModuleFluxMonorepo } from './module';
import { copyExampleMonorepo } from './__testUtils__/exampleMonorepo';
import { query, waitForEntities } from './__testUtils__/catalogApi';
import { startGiteaServer } from './__testUtils__/giteaServer';
import {
  availablePostgres,
  createTestDatabases,
} from './__testUtils__/testDatabases';

const databases = createTestDatabases();

jest.setTimeout(160_000);

const REPO = 'acme/platform';
const FIRST = '1111111111111111111111111111111111111111';
const SECOND = '2222222222222222222222222222222222222222';

/** A schedule that never runs during the test: only push events refresh. */
const idle = {
  frequency: { hours: 24 },
  timeout: { minutes: 3 },
  initialDelay: { hours: 24 },
};

/** A Gitea push webhook as the events backend's HTTP ingress publishes it. */
function giteaPush(baseUrl: string, after: string) {
  return {
    topic: 'gitea',
    eventPayload: {
      ref: 'refs/heads/main',
      after,
      repository: {
        full_name: REPO,
        html_url: `${baseUrl}/${REPO}`,
        default_branch: 'main',
      },
    },
    metadata: { 'x-gitea-event': 'push' },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 50));
  }
}

const COMMIT = '/api/v1/repos/acme/platform/git/commits/main';
const ARCHIVE = '/api/v1/repos/acme/platform/archive/main.tar.gz';

describe('refresh cost at the Git host', () => {
  if (availablePostgres.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('PostgreSQL: no server was started for the tests (run ./portal test)', () => {});
  }

  it.each(databases.eachSupportedId())(
    'an unchanged repository costs one request; a new commit one archive, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const dir = copyExampleMonorepo();
      const gitea = await startGiteaServer(REPO, dir, FIRST);
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
          // the real UrlReader: no urlReader mock
          mockServices.events.factory(),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              integrations: { gitea: [gitea.integration] },
              catalog: {
                providers: {
                  fluxMonorepo: {
                    platform: { target: gitea.treeUrl(REPO), schedule: idle },
                  },
                },
              },
            },
          }),
        ],
      });
      try {
        // First push: the commit, then the archive; the catalog fills.
        await events!.publish(giteaPush(gitea.baseUrl, FIRST));
        await waitForEntities(backend.server, 'kind=component', 34);
        expect(gitea.requests).toEqual([COMMIT, ARCHIVE]);

        // The same commit pushed again (a re-delivered webhook): one request, no archive.
        await events!.publish(giteaPush(gitea.baseUrl, FIRST));
        await waitFor(() => gitea.requests.length === 3);
        await new Promise(r => setTimeout(r, 1000));
        expect(gitea.requests).toEqual([COMMIT, ARCHIVE, COMMIT]);

        // A new commit that changes one app: one commit request and one archive.
        const file = `${dir}/apps/django/base/deployment.yaml`;
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('Core REST API', 'Core API v2'),
        );
        gitea.push(dir, SECOND);
        await events!.publish(giteaPush(gitea.baseUrl, SECOND));
        await waitFor(() => gitea.requests.length === 5);
        expect(gitea.requests.slice(3)).toEqual([COMMIT, ARCHIVE]);
        let django: any;
        const deadline = Date.now() + 60_000;
        do {
          django = await query(
            backend.server,
            '/entities/by-name/component/default/django',
          );
          if (django.metadata.description?.startsWith('Core API v2')) break;
          await new Promise(r => setTimeout(r, 200));
        } while (Date.now() < deadline);
        expect(django.metadata.description).toMatch(/^Core API v2/);
        expect(
          django.metadata.annotations['flux-portal.io/source-commit'],
        ).toBe(SECOND);
        const keycloak = await query(
          backend.server,
          '/entities/by-name/resource/default/keycloak',
        );
        expect(
          keycloak.metadata.annotations['flux-portal.io/source-commit'],
        ).toBe(FIRST);
      } finally {
        await backend.stop();
        await gitea.close();
      }
    },
  );
});
