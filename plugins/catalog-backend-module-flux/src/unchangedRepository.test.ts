/*
 * What a refresh costs the Git host, in a real catalog backend with
 * Backstage's real UrlReader (the Gitea reader) against a loopback Gitea that
 * serves a real archive, on real databases (SQLite always, PostgreSQL when the
 * test command started one): a push that finds the repository unchanged costs
 * one request (the branch's commit, the ETag) and reads no archive; a push
 * with a new commit reads the archive once and the catalog shows the change
 * (sent as a delta mutation: a changed app, then an unregistered one).
 * The same for a registered `flux-monorepo` Location, which without the push
 * would wait for the catalog's next processing (an hour here).
 */
import {
  catalogRequest,
  query,
  waitForEntities,
} from './__testUtils__/catalogApi';
import { waitFor } from './__testUtils__/captureEvents';
import {
  FIRST_COMMIT,
  GITEA_REPO,
  startGiteaCatalog,
} from './__testUtils__/giteaCatalog';
import {
  availablePostgres,
  createTestDatabases,
} from './__testUtils__/testDatabases';

const databases = createTestDatabases();

jest.setTimeout(160_000);

const SECOND = '2222222222222222222222222222222222222222';
const THIRD = '3333333333333333333333333333333333333333';
const COMMIT = `/api/v1/repos/${GITEA_REPO}/git/commits/main`;
const ARCHIVE = `/api/v1/repos/${GITEA_REPO}/archive/main.tar.gz`;

/** A schedule that never runs during the test: only push events refresh. */
const idle = {
  frequency: { hours: 24 },
  timeout: { minutes: 3 },
  initialDelay: { hours: 24 },
};

type Started = Awaited<ReturnType<typeof startGiteaCatalog>>;

/** Waits until django's description starts with `prefix`; returns django. */
async function djangoWith(started: Started, prefix: string) {
  let django: any;
  await waitFor(async () => {
    django = await query(
      started.backend.server,
      '/entities/by-name/component/default/django',
    );
    return django.metadata.description.startsWith(prefix);
  });
  return django;
}

describe('refresh cost at the Git host', () => {
  if (availablePostgres.length === 0) {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect
    it.skip('PostgreSQL: no server was started for the tests (run ./portal test)', () => {});
  }

  it.each(databases.eachSupportedId())(
    'a provider: an unchanged repository costs one request, a new commit one archive, on %p',
    async databaseId => {
      const started = await startGiteaCatalog(
        await databases.init(databaseId),
        target => ({
          providers: { fluxMonorepo: { platform: { target, schedule: idle } } },
        }),
      );
      const { gitea, backend } = started;
      try {
        // First push: the commit, then the archive; the catalog fills.
        await started.push();
        await waitForEntities(backend.server, 'kind=component', 34);
        expect(gitea.requests).toEqual([COMMIT, ARCHIVE]);

        // The same commit pushed again (a re-delivered webhook): one request, no archive.
        await started.push();
        await waitFor(() => gitea.requests.length === 3);
        await new Promise(r => setTimeout(r, 1000));
        expect(gitea.requests).toEqual([COMMIT, ARCHIVE, COMMIT]);

        // A new commit that changes one app: one commit request and one archive.
        started.changeDjango('Core API v2', SECOND);
        await started.push();
        await waitFor(() => gitea.requests.length === 5);
        expect(gitea.requests.slice(3)).toEqual([COMMIT, ARCHIVE]);
        const django = await djangoWith(started, 'Core API v2');
        expect(
          django.metadata.annotations['flux-portal.io/source-commit'],
        ).toBe(SECOND);
        const keycloak = await query(
          backend.server,
          '/entities/by-name/resource/default/keycloak',
        );
        expect(
          keycloak.metadata.annotations['flux-portal.io/source-commit'],
        ).toBe(FIRST_COMMIT);

        // An unregistered app leaves the catalog; every other one stays.
        started.unregisterApp('notes', THIRD);
        await started.push();
        await waitFor(async () => {
          const res = await catalogRequest(
            backend.server,
            '/entities/by-name/component/default/notes',
          );
          return res.status === 404;
        });
        const components = await query(
          backend.server,
          '/entities/by-query?filter=kind=component&limit=500',
        );
        expect(components.items).toHaveLength(33);
        expect((await djangoWith(started, 'Core API v2')).metadata.name).toBe(
          'django',
        );
      } finally {
        await started.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'a registered flux-monorepo Location is read again on a push to its target, on %p',
    async databaseId => {
      const started = await startGiteaCatalog(
        await databases.init(databaseId),
        () => ({
          // never again by itself during the test: only a push refreshes
          processingInterval: { minutes: 60 },
          rules: [
            { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
          ],
        }),
      );
      const { gitea, backend } = started;
      try {
        const registered = await catalogRequest(backend.server, '/locations', {
          method: 'POST',
          body: { type: 'flux-monorepo', target: gitea.treeUrl(GITEA_REPO) },
        });
        expect(registered.status).toBe(201);
        await waitForEntities(backend.server, 'kind=component', 34);
        const reads = gitea.requests.length;

        // A push to another repository: nothing is read.
        await started.push('acme/other');
        await new Promise(r => setTimeout(r, 1500));
        expect(gitea.requests).toHaveLength(reads);

        // One app changes in a new commit; the push makes the catalog read it.
        started.changeDjango('Core API v2', SECOND);
        await started.push();
        await djangoWith(started, 'Core API v2');
        expect(gitea.requests.slice(reads)).toContain(ARCHIVE);
      } finally {
        await started.stop();
      }
    },
  );
});
