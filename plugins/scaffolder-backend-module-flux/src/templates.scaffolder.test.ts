import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, passthrough } from 'msw';
import { parse } from 'yaml';
import {
  INVOICES_SERVICE,
  LOKI_COMPONENT,
  STAGING_CLUSTER,
} from './__testUtils__/actionInputs';
import {
  GITHUB_REPO_URL,
  GITHUB_TOKEN,
  GITLAB_REPO_URL,
  GITLAB_TOKEN,
} from './__testUtils__/fakeForges';
import { useFakeForgeServer } from './__testUtils__/fakeForgeServer';
import {
  LOCAL_GIT_HOST,
  useLocalGitServer,
} from './__testUtils__/localGitServer';
import { scaffolderModuleFluxMonorepo } from './module';

jest.setTimeout(120_000);

const TEMPLATES = path.resolve(__dirname, '../templates');
const template = (file: string) =>
  parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));

/**
 * The templates run through the real scaffolder backend (dry-run API, and
 * one real task whose completion output links the pull request): form
 * values validated against the parameters, step inputs rendered by its
 * template engine and validated by the action's schema, the action reading
 * the (fake) forge with the token of the integrations config, outputs
 * rendered for the output page.
 */
/** A GitHub host configured without any credentials. */
const NO_TOKEN_HOST = 'ghe.example.com';

describe('templates in a real scaffolder backend', () => {
  const forgeServer = useFakeForgeServer();
  const localGit = useLocalGitServer();
  let baseUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleFluxMonorepo,
        catalogServiceMock.factory({
          entities: [
            {
              ...template('new-service.yaml'),
              metadata: {
                ...template('new-service.yaml').metadata,
                namespace: 'default',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                { host: 'github.com', token: GITHUB_TOKEN },
                {
                  host: NO_TOKEN_HOST,
                  apiBaseUrl: `https://${NO_TOKEN_HOST}/api/v3`,
                },
              ],
              gitlab: [{ host: 'gitlab.com', token: GITLAB_TOKEN }],
            },
            scaffolder: {
              fluxMonorepo: {
                gitServers: [
                  { host: LOCAL_GIT_HOST, baseUrl: localGit.state.baseUrl },
                ],
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }`;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  async function dryRun(file: string, values: Record<string, unknown>) {
    const fakes = forgeServer.start();
    forgeServer.server.use(http.all(`${baseUrl}/*`, () => passthrough()));
    const response = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: mockCredentials.user.header(),
      },
      body: JSON.stringify({
        template: template(file),
        values,
        directoryContents: [],
      }),
    });
    const body = await response.json();
    return { status: response.status, body, fakes };
  }

  const expectOk = (status: number, body: any) =>
    expect({ status, errors: body.errors }).toEqual({
      status: 200,
      errors: undefined,
    });
  const texts = (body: any): string =>
    body.output?.text?.map((t: { content: string }) => t.content).join('\n') ??
    '';

  it('New service: renders the diff of the new service', async () => {
    const { status, body, fakes } = await dryRun('new-service.yaml', {
      name: 'invoices',
      owner: 'group:default/team-documents',
      description: 'Invoices of construction contracts',
      image: 'cr.example/invoices:1.0.0',
      port: 8080,
      replicas: 3,
      dependsOn: ['resource:default/postgresql', 'component:default/contracts'],
      clusters: ['resource:default/contour'],
      target: 'forge',
      repoUrl: GITHUB_REPO_URL,
    });
    expectOk(status, body);
    expect(texts(body)).toContain('+++ b/apps/invoices/base/deployment.yaml');
    expect(texts(body)).toContain('+  replicas: 3');
    expect(texts(body)).toContain('+- invoices');
    expect(fakes.github.writes()).toEqual([]);
  });

  it('New infrastructure component: renders the diff on GitLab', async () => {
    const { status, body, fakes } = await dryRun(
      'new-infrastructure-component.yaml',
      {
        ...LOKI_COMPONENT,
        target: 'forge',
        repoUrl: GITLAB_REPO_URL,
      },
    );
    expectOk(status, body);
    expect(texts(body)).toContain(
      '+  url: https://grafana.github.io/helm-charts',
    );
    expect(fakes.gitlab.writes()).toEqual([]);
  });

  it('New cluster: shows the bootstrap command', async () => {
    const { status, body } = await dryRun('new-cluster.yaml', {
      ...STAGING_CLUSTER,
      helmRepositoriesFrom: 'resource:default/contour',
      target: 'forge',
      repoUrl: GITHUB_REPO_URL,
    });
    expectOk(status, body);
    expect(texts(body)).toContain('flux bootstrap github --owner=example-org');
  });

  it('refuses a form without the required image before running anything', async () => {
    const { status, body, fakes } = await dryRun('new-service.yaml', {
      name: 'invoices',
      owner: 'group:default/team-documents',
      description: 'Invoices',
      target: 'forge',
      repoUrl: GITHUB_REPO_URL,
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body.errors)).toContain('image');
    expect(fakes.github.calls).toEqual([]);
  });

  const headers = {
    'content-type': 'application/json',
    authorization: mockCredentials.user.header(),
  };

  /** Runs the New service template as a task; its final state and events. */
  async function runTask(values: Record<string, unknown>) {
    const fakes = forgeServer.start();
    forgeServer.server.use(http.all(`${baseUrl}/*`, () => passthrough()));
    const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        templateRef: 'template:default/flux-new-service',
        values,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    let task: any;
    for (let i = 0; i < 600; i++) {
      task = await (
        await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}`, { headers })
      ).json();
      if (task.status === 'completed' || task.status === 'failed') break;
      await new Promise(r => setTimeout(r, 100));
    }
    // The task page reads the task's events: step logs and the completion.
    const events: Array<{ type: string; body: any }> = await (
      await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${id}/events`, {
        headers,
      })
    ).json();
    const completion = events.find(e => e.type === 'completion')!;
    const log = (stepId: string) =>
      events
        .filter(e => e.type === 'log' && e.body.stepId === stepId)
        .map(e => e.body.message as string);
    return { task, events, completion, log, fakes };
  }

  it('New service for real: the task previews, then opens the pull request and its output links it', async () => {
    const { task, completion, events, log, fakes } = await runTask({
      ...INVOICES_SERVICE,
      target: 'forge',
      repoUrl: GITHUB_REPO_URL,
    });
    expect(task.status).toBe('completed');
    expect(fakes.github.pulls).toHaveLength(1);
    expect(completion.body.output.links[0]).toEqual({
      title: 'Pull request',
      icon: 'github',
      url: 'https://github.com/example-org/flux-monorepo/pull/1',
    });
    expect(log('plan').join('\n')).toContain('nothing was pushed');
    expect(JSON.stringify(events)).not.toContain(GITHUB_TOKEN);
  });

  it('New service on the plain git server: previews, pushes one commit to the branch, says there is no pull request', async () => {
    const { task, completion, log } = await runTask({
      ...INVOICES_SERVICE,
      name: 'billing',
      target: 'local-git',
    });
    expect(task.status).toBe('completed');
    const sha = localGit.git(
      'rev-parse',
      'refs/heads/flux-portal/add-app-billing',
    );
    expect(localGit.git('rev-list', '--count', `main..${sha}`)).toBe('1');
    expect(
      localGit.git('diff', '--name-only', 'main', sha).split('\n'),
    ).toContain('apps/billing/base/deployment.yaml');
    // The preview step ran first and showed files, checks and rendered diff.
    const preview = log('plan').join('\n');
    expect(preview).toContain('apps/billing/base/deployment.yaml');
    expect(preview).toMatch(/Checks passed:\n {2}the monorepo renders/);
    expect(preview).toMatch(/added {4}apps\/v1 Deployment billing\/billing/);
    expect(preview).toContain('nothing was pushed');
    const output = completion.body.output;
    // no pull request link on plain git; the texts say what was pushed
    expect(output.links.map((l: any) => l.url ?? l.entityRef)).toEqual([
      undefined,
      'component:default/billing',
    ]);
    const [result, previewText] = output.text.map((t: any) => t.content);
    expect(result).toContain(`one commit \`${sha}\``);
    expect(result).toContain('This git server has no pull requests');
    expect(previewText).toContain('**Checks passed** (2)');
  });

  it('Preview only: the task shows the preview and pushes nothing', async () => {
    const { task, completion, log } = await runTask({
      ...INVOICES_SERVICE,
      name: 'quotes',
      target: 'local-git',
      previewOnly: true,
    });
    expect(task.status).toBe('completed');
    expect(log('add').join('\n')).toContain('Skipping step add');
    expect(localGit.git('branch', '--list', 'flux-portal/add-app-quotes')).toBe(
      '',
    );
    expect(completion.body.output.text[0].content).toBe(
      'Preview only, nothing was pushed.',
    );
  });

  it('a missing forge credential is one sentence in the task log, without a stack trace', async () => {
    const { task, events, log } = await runTask({
      ...INVOICES_SERVICE,
      target: 'forge',
      repoUrl: `${NO_TOKEN_HOST}?owner=example-org&repo=flux-monorepo`,
    });
    expect(task.status).toBe('failed');
    const sentence = `No GitHub credentials for ${NO_TOKEN_HOST}/example-org/flux-monorepo: set a token or a GitHub App in integrations.github of the app config.`;
    expect(log('plan')).toContain(sentence);
    expect(JSON.stringify(events)).not.toMatch(/\bat \S+ \(|\.ts:\d+/);
  });
});
