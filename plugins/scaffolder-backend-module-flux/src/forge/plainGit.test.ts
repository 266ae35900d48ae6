import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import {
  INVOICES_FILES,
  INVOICES_SERVICE,
  LOKI_COMPONENT,
  STAGING_CLUSTER,
} from '../__testUtils__/actionInputs';
import {
  LOCAL_GIT_REPO_URL,
  useLocalGitServer,
} from '../__testUtils__/localGitServer';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddAppAction } from '../actions/addApp';
import { createAddClusterAction } from '../actions/addCluster';
import { createAddInfraAction } from '../actions/addInfra';
import { createForgeFactory, readGitServers } from './createForgeClient';

jest.setTimeout(120_000);

const BRANCH = 'flux-portal/add-app-invoices';
const EXPECTED_FILES = INVOICES_FILES;

/**
 * The plain git forge against a real git server on loopback
 * (`git http-backend` serving a bare repository in a temp dir).
 */
describe('plain git target', () => {
  const server = useLocalGitServer();
  const action = () =>
    createAddAppAction({
      forges: createForgeFactory(
        ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
        { gitServers: server.gitServers() },
      ),
    });
  const run = async (input: Record<string, unknown>) => {
    const { ctx, outputs } = mockActionContext(
      { ...INVOICES_SERVICE, repoUrl: LOCAL_GIT_REPO_URL, ...input },
      { workspacePath: '/nonexistent-workspace' },
    );
    await action().handler(ctx);
    return { ctx, outputs };
  };
  const branchHead = () => server.git('rev-parse', `refs/heads/${BRANCH}`);

  it('previews the change without pushing anything', async () => {
    const { outputs } = await run({ push: false });
    expect(outputs.files).toEqual(EXPECTED_FILES);
    expect(outputs.checks).toEqual([
      expect.stringMatching(
        /^the monorepo renders with the change in every cluster \(\d+ Flux Kustomizations, \d+ objects\) with no new problem$/,
      ),
      'cluster "contour": Deployment invoices/invoices renders from ./apps, applied by flux-system/apps',
    ]);
    expect(outputs.preview).toContain('**Planned files** (6 new, 1 edited)');
    expect(outputs.preview).toContain('**Checks passed** (2)');
    expect(outputs.preview).toMatch(
      /added {4}apps\/v1 Deployment invoices\/invoices/,
    );
    expect(outputs.commitSha).toBeUndefined();
    expect(server.git('branch', '--list')).toBe('* main');
  });

  it('pushes the branch as exactly one commit with the expected files on the target head', async () => {
    const { outputs } = await run({});
    const sha = branchHead();
    expect(outputs.commitSha).toBe(sha);
    expect(server.git('rev-parse', `${sha}^`)).toBe(server.state.seedCommit);
    expect(server.git('rev-list', '--count', `main..${sha}`)).toBe('1');
    expect(server.git('diff', '--name-only', 'main', sha).split('\n')).toEqual(
      EXPECTED_FILES,
    );
    expect(
      server.git('show', `${sha}:apps/invoices/base/deployment.yaml`),
    ).toContain('image: cr.example/invoices:1.0.0');
    expect(server.git('log', '-1', '--format=%an <%ae>%n%s', sha)).toBe(
      'Flux Portal <flux-portal@localhost>\nflux-portal: add service "invoices"',
    );
    expect(outputs.branch).toBe(BRANCH);
    expect(outputs.gitUrl).toBe(server.state.repositoryUrl);
    expect(outputs.targetBranch).toBe('main');
    expect(outputs.pullRequestUrl).toBeUndefined();
    expect(outputs.summary).toContain(
      `Pushed branch \`${BRANCH}\` of ${server.state.repositoryUrl}: one commit \`${sha}\``,
    );
    expect(outputs.summary).toContain('This git server has no pull requests');
  });

  it('a re-run replaces the same branch with one new commit (no stacked registrations)', async () => {
    const before = branchHead();
    const { outputs } = await run({ replicas: 4 });
    const after = branchHead();
    expect(after).not.toBe(before);
    expect(outputs.commitSha).toBe(after);
    expect(server.git('rev-list', '--count', `main..${after}`)).toBe('1');
    expect(
      server.git('show', `${after}:apps/invoices/patches/replicas.yaml`),
    ).toContain('replicas: 4');
    const registration = server.git('show', `${after}:apps/kustomization.yaml`);
    expect(registration.match(/^\s*- invoices$/gm)).toHaveLength(1);
    expect(outputs.summary).toMatch(/^Replaced branch/);
  });

  it('refuses an invalid change, pushing nothing', async () => {
    const head = branchHead();
    await expect(run({ name: 'Bad_Name' })).rejects.toThrow(
      /^Refusing to add service "Bad_Name", nothing was pushed:\n- Service name "Bad_Name" must be a DNS-1123 label/,
    );
    expect(branchHead()).toBe(head);
    expect(server.git('branch', '--list', 'flux-portal/add-app-Bad_Name')).toBe(
      '',
    );
  });

  it('refuses a URL outside the configured git servers without fetching it', async () => {
    const requests = server.state.requests.length;
    const other = server.state.repositoryUrl.replace(
      /:(\d+)\//,
      (_, port) => `:${Number(port) + 1}/`,
    );
    for (const repoUrl of [
      other,
      'https://example.com/demo/flux-monorepo.git',
      server.state.repositoryUrl.replace('127.0.0.1', '127.0.0.1.nip.io'),
      'http://127.0.0.1:99999/demo/flux-monorepo.git',
      'file:///tmp/flux-monorepo.git',
    ]) {
      const error = await run({ repoUrl }).catch(e => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toContain('\n');
      expect(error.stack).toBe(error.message);
    }
    await expect(run({ repoUrl: other })).rejects.toThrow(
      `Git URL ${other} is not allowed: it must be under a baseUrl of scaffolder.fluxMonorepo.gitServers (${server.state.baseUrl}).`,
    );
    expect(server.state.requests.length).toBe(requests);
  });

  it('adding an infrastructure component or a cluster pushes its own branch the same way', async () => {
    const forges = createForgeFactory(
      ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
      { gitServers: server.gitServers() },
    );
    for (const [addAction, input, branch, file] of [
      [
        createAddInfraAction({ forges }),
        LOKI_COMPONENT,
        'flux-portal/add-infra-loki',
        'infrastructure/loki/kustomization.yaml',
      ],
      [
        createAddClusterAction({ forges }),
        STAGING_CLUSTER,
        'flux-portal/add-cluster-staging',
        'clusters/staging/apps.yaml',
      ],
    ] as const) {
      const { ctx, outputs } = mockActionContext(
        { ...input, repoUrl: LOCAL_GIT_REPO_URL },
        { workspacePath: '/nonexistent-workspace' },
      );
      await (addAction.handler as (c: unknown) => Promise<void>)(ctx);
      const sha = server.git('rev-parse', `refs/heads/${branch}`);
      expect(outputs.commitSha).toBe(sha);
      expect(server.git('rev-list', '--count', `main..${sha}`)).toBe('1');
      expect(
        server.git('diff', '--name-only', 'main', sha).split('\n'),
      ).toEqual([...(outputs.files as string[])].sort());
      expect(outputs.files).toContain(file);
    }
  });

  it('the full URL of an allowed repository works like the repo-picker form', async () => {
    const { outputs } = await run({
      repoUrl: server.state.repositoryUrl,
      push: false,
    });
    expect(outputs.files).toEqual(EXPECTED_FILES);
  });
});

describe('missing forge credentials', () => {
  it('is one sentence, with no stack trace, and nothing is sent', async () => {
    const forges = createForgeFactory(
      ScmIntegrations.fromConfig(
        mockServices.rootConfig({
          data: { integrations: { github: [{ host: 'github.com' }] } },
        }),
      ),
    );
    const { ctx } = mockActionContext(
      {
        ...INVOICES_SERVICE,
        repoUrl: 'github.com?owner=example-org&repo=flux-monorepo',
      },
      { workspacePath: '/nonexistent-workspace' },
    );
    const error = await createAddAppAction({ forges })
      .handler(ctx)
      .catch(e => e);
    expect(error.message).toBe(
      'No GitHub credentials for github.com/example-org/flux-monorepo: set a token or a GitHub App in integrations.github of the app config.',
    );
    // The scaffolder writes a failed step's `stack` to the task log.
    expect(error.stack).toBe(error.message);
  });
});

describe('scaffolder.fluxMonorepo.gitServers', () => {
  const read = (gitServers: unknown) =>
    readGitServers(
      mockServices.rootConfig({
        data: { scaffolder: { fluxMonorepo: { gitServers } } } as any,
      }),
    );

  it('ends base URLs with a slash (a prefix check must not match :77901) and defaults the host', () => {
    expect(
      read([
        { baseUrl: 'http://127.0.0.1:7790' },
        { baseUrl: 'https://git.example/repos/', host: 'internal-git' },
      ]),
    ).toEqual([
      { baseUrl: 'http://127.0.0.1:7790/', host: '127.0.0.1:7790' },
      { baseUrl: 'https://git.example/repos/', host: 'internal-git' },
    ]);
    expect(read(undefined)).toEqual([]);
  });

  it('refuses a server that is not http(s)', () => {
    expect(() => read([{ baseUrl: 'ssh://git@git.example/' }])).toThrow(
      'scaffolder.fluxMonorepo.gitServers: ssh://git@git.example/ is not an http(s) URL',
    );
  });
});
