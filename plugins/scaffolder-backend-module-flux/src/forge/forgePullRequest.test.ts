import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createAddAppAction } from '../actions/addApp';
import {
  GITHUB_REPO_URL,
  GITHUB_TOKEN,
  GITLAB_REPO_URL,
  GITLAB_TOKEN,
  fakeForges,
} from '../__testUtils__/fakeForges';
import {
  INVOICES_FILES,
  INVOICES_SERVICE,
} from '../__testUtils__/actionInputs';
import type { FakeForgeRepo } from '../__testUtils__/fakeForgeRepo';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createForgeFactory } from './createForgeClient';

// Each real run renders the whole example monorepo twice on a shared 2-core machine.
jest.setTimeout(60_000);

const forgeServer = useFakeForgeServer();

const INPUT = INVOICES_SERVICE;
const BRANCH = 'flux-portal/add-app-invoices';

const count = (text: string, line: string) =>
  text.split('\n').filter(l => l === line).length;

describe.each([
  {
    forge: 'GitHub',
    repoUrl: GITHUB_REPO_URL,
    token: GITHUB_TOKEN,
    pick: (f: ReturnType<typeof fakeForges>) => f.github,
    prUrl: 'https://github.com/example-org/flux-monorepo/pull/1',
  },
  {
    forge: 'GitLab',
    repoUrl: GITLAB_REPO_URL,
    token: GITLAB_TOKEN,
    pick: (f: ReturnType<typeof fakeForges>) => f.gitlab,
    prUrl:
      'https://gitlab.com/platform/gitops/flux-monorepo/-/merge_requests/1',
  },
])(
  'flux:monorepo:add-app real run on $forge',
  ({ forge, repoUrl, token, pick, prUrl }) => {
    let fakes: ReturnType<typeof fakeForges>;
    let repo: FakeForgeRepo;
    let workspace: string;

    beforeEach(() => {
      fakes = forgeServer.start();
      repo = pick(fakes);
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-forge-'));
    });
    afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

    async function run(input: Record<string, unknown> = {}) {
      const action = createAddAppAction({ forges: fakes.forges });
      const { ctx, outputs } = mockActionContext(
        { repoUrl, ...INPUT, ...input },
        { workspacePath: workspace },
      );
      await action.handler(ctx);
      return { outputs, logs: JSON.stringify(ctx.logger.info.mock.calls) };
    }

    it('opens a pull request with one commit holding the new service and its registration', async () => {
      const mainBefore = repo.branches.get('main')!;
      const { outputs } = await run();

      expect(outputs).toMatchObject({
        pullRequestUrl: prUrl,
        pullRequestNumber: 1,
        branch: BRANCH,
        targetBranch: 'main',
        entityRef: 'component:default/invoices',
      });
      expect(repo.pulls).toEqual([
        expect.objectContaining({
          number: 1,
          head: BRANCH,
          base: 'main',
          state: 'open',
          title: 'flux-portal: add service "invoices"',
        }),
      ]);
      expect(repo.pulls[0].body).toContain(
        '`apps/invoices/base/deployment.yaml` (new)',
      );
      // Exactly one commit on top of the target head; main itself untouched.
      expect(repo.commitOf(BRANCH)!.parents).toEqual([mainBefore]);
      expect(repo.branches.get('main')).toBe(mainBefore);
      const before = repo.filesAt('main');
      const after = repo.filesAt(BRANCH);
      const changed = Object.keys(after)
        .filter(f => after[f] !== before[f])
        .sort();
      expect(changed).toEqual(INVOICES_FILES);
      expect(Object.keys(before).filter(f => !(f in after))).toEqual([]);
      expect(after['apps/invoices/base/deployment.yaml']).toContain(
        'image: cr.example/invoices:1.0.0',
      );
      expect(count(after['apps/kustomization.yaml'], '- invoices')).toBe(1);
      expect(repo.calls.length).toBeLessThanOrEqual(8);
    });

    it('re-run with the same inputs updates the same branch and request: one commit, one registration', async () => {
      const first = await run();
      const firstTree = repo.commitOf(BRANCH)!.tree;
      const second = await run();

      expect(second.outputs.pullRequestUrl).toBe(first.outputs.pullRequestUrl);
      expect(repo.pulls).toHaveLength(1);
      const head = repo.commitOf(BRANCH)!;
      expect(head.parents).toEqual([repo.branches.get('main')]);
      expect(head.tree).toBe(firstTree);
      expect(
        count(repo.filesAt(BRANCH)['apps/kustomization.yaml'], '- invoices'),
      ).toBe(1);
      expect(second.logs).toContain(`Updated ${prUrl}`);
    });

    it('recomputes the change on the new head when the target branch moved', async () => {
      await run();
      const registration = repo.filesAt('main')['apps/kustomization.yaml'];
      const moved = repo.push('main', {
        'apps/kustomization.yaml': `# Business services, one line each.\n${registration}`,
        'apps/notes/patches/replicas.yaml': repo
          .filesAt('main')
          ['apps/notes/patches/replicas.yaml'].replace(
            'replicas: 2',
            'replicas: 3',
          ),
      });
      await run();

      const head = repo.commitOf(BRANCH)!;
      expect(head.parents).toEqual([moved]);
      const files = repo.filesAt(BRANCH);
      expect(
        files['apps/kustomization.yaml'].startsWith(
          '# Business services, one line each.\n',
        ),
      ).toBe(true);
      expect(count(files['apps/kustomization.yaml'], '- invoices')).toBe(1);
      expect(files['apps/notes/patches/replicas.yaml']).toContain(
        'replicas: 3',
      );
      expect(repo.pulls).toHaveLength(1);
    });

    it('after the request was closed, re-uses its branch for a new one', async () => {
      await run();
      repo.pulls[0].state = 'closed';
      const { outputs } = await run();
      expect(outputs.pullRequestNumber).toBe(2);
      expect(repo.pulls.map(p => [p.number, p.state])).toEqual([
        [1, 'closed'],
        [2, 'open'],
      ]);
      expect(repo.commitOf(BRANCH)!.parents).toEqual([
        repo.branches.get('main'),
      ]);
    });

    it('targets a branch with a slash in its name', async () => {
      const release = repo.push(
        'release/2026.1',
        repo.filesAt('main'),
        'release branch',
      );
      const { outputs } = await run({ targetBranch: 'release/2026.1' });
      expect(outputs.targetBranch).toBe('release/2026.1');
      expect(repo.pulls).toEqual([
        expect.objectContaining({ head: BRANCH, base: 'release/2026.1' }),
      ]);
      expect(repo.commitOf(BRANCH)!.parents).toEqual([release]);
    });

    it('refuses an existing service name before pushing anything', async () => {
      await expect(run({ name: 'notes' })).rejects.toThrow(
        /Refusing to add service "notes", nothing was pushed:\n- apps\/notes already exists/,
      );
      expect(repo.writes()).toEqual([]);
      expect(repo.pulls).toEqual([]);
    });

    it('refuses a change that does not render in the target clusters, nothing pushed', async () => {
      await expect(run({ clusters: ['moon'] })).rejects.toThrow(
        /cluster "moon" is not in clusters\//,
      );
      expect(repo.writes()).toEqual([]);
    });

    it.each([
      [401, 'the credentials were rejected'],
      [403, 'the credentials may not do this'],
      [404, 'not found'],
      [422, 'the request was rejected'],
      [502, 'server error'],
    ])(
      'turns HTTP %i into a clear error naming the repository and operation',
      async (status, explanation) => {
        repo.failNext('GET', /\/branches\//, status, {
          body: { message: `no luck for ${token}` },
        });
        const error: Error = await run().then(
          () => new Error('expected a failure'),
          e => e,
        );
        expect(error.message).toContain(
          `${forge} ${
            forge === 'GitHub'
              ? 'github.com/example-org'
              : 'gitlab.com/platform/gitops'
          }/flux-monorepo: reading branch "main" failed`,
        );
        expect(error.message).toContain(explanation);
        expect(error.message).toContain(`HTTP ${status}`);
        expect(error.message).not.toContain(token);
        expect(error.message).toContain('no luck for ***');
        expect(repo.writes()).toEqual([]);
      },
    );

    it('turns a failed commit into an error naming the operation', async () => {
      repo.failNext(
        'POST',
        forge === 'GitHub' ? /\/git\/commits$/ : /\/repository\/commits$/,
        422,
        { body: { message: 'invalid' } },
      );
      await expect(run()).rejects.toThrow(
        `flux-monorepo: writing the commit failed: the request was rejected (HTTP 422: invalid)`,
      );
      expect(repo.pulls).toEqual([]);
    });

    it('waits out a rate-limit answer and retries', async () => {
      // GitHub: 403 with an exhausted quota and its reset time; GitLab: 429 with Retry-After.
      const headers: Record<string, string> =
        forge === 'GitHub'
          ? {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30),
            }
          : { 'retry-after': '30' };
      repo.failNext('GET', /\/branches\//, forge === 'GitHub' ? 403 : 429, {
        headers,
        body: { message: 'API rate limit exceeded' },
      });
      const { outputs } = await run();
      expect(outputs.pullRequestNumber).toBe(1);
      expect(fakes.waits).toHaveLength(1);
      expect(fakes.waits[0]).toBeGreaterThan(25_000);
      expect(fakes.waits[0]).toBeLessThanOrEqual(30_000);
      expect(repo.calls.filter(c => c.includes('/branches/'))).toHaveLength(2);
    });

    it('gives up with a clear error when the rate limit resets too late', async () => {
      repo.failNext('GET', /\/branches\//, 429, {
        headers: { 'retry-after': '3600' },
      });
      await expect(run()).rejects.toThrow(
        /reading branch "main" failed: rate limited/,
      );
      expect(fakes.waits).toEqual([]);
    });

    it('never puts the token in logs or outputs', async () => {
      const { outputs, logs } = await run();
      expect(JSON.stringify(outputs)).not.toContain(token);
      expect(logs).not.toContain(token);
      expect(JSON.stringify(repo.pulls)).not.toContain(token);
    });
  },
);

describe('credentials', () => {
  it('a wrong token is a clear 401 error, with neither token shown', async () => {
    forgeServer.start();
    const wrong = createForgeFactory(
      ScmIntegrations.fromConfig(
        mockServices.rootConfig({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_wrongToken' }],
            },
          },
        }),
      ),
    );
    const error = await wrong(GITHUB_REPO_URL)
      .getDefaultBranch()
      .catch(e => e as Error);
    expect((error as Error).message).toBe(
      'GitHub github.com/example-org/flux-monorepo: reading the default branch failed: the credentials were rejected; check the token or app of integrations.github (HTTP 401: Bad credentials)',
    );
  });

  it('names the missing integration of a host', () => {
    const none = createForgeFactory(
      ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
    );
    expect(() =>
      none('bitbucket.org?workspace=w&project=p&owner=o&repo=r'),
    ).toThrow(/neither a GitHub nor a GitLab integration/);
  });
});
