import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createForgeFactory } from '../forge/createForgeClient';
import { EXAMPLE_MONOREPO } from './exampleRepo';
import { FakeForgeRepo } from './fakeForgeRepo';
import { fakeGithub } from './fakeGithub';
import { fakeGitlab } from './fakeGitlab';

export const GITHUB_TOKEN = 'ghp_fakeGithubToken0123456789';
export const GITLAB_TOKEN = 'glpat-fakeGitlabToken0123456789';
export const GITHUB_REPO_URL =
  'github.com?owner=example-org&repo=flux-monorepo';
export const GITLAB_REPO_URL =
  'gitlab.com?owner=platform%2Fgitops&repo=flux-monorepo';

/** Every file under `dir`, path → text. */
export function readFolder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, readFolder(full, rel));
    else if (entry.isFile()) files[rel] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

let exampleFiles: Record<string, string> | undefined;

/** A fake repository whose default branch holds examples/flux-monorepo. */
export function exampleForgeRepo(): FakeForgeRepo {
  exampleFiles ??= readFolder(EXAMPLE_MONOREPO);
  const repo = new FakeForgeRepo('main');
  repo.push('main', exampleFiles, 'seed');
  return repo;
}

/**
 * A fake GitHub and a fake GitLab, each holding the example monorepo, their
 * msw handlers, and a forge factory configured like Backstage's
 * `integrations` with their tokens; rate-limit waits are recorded, not slept.
 */
export function fakeForges(
  options: {
    githubIntegration?: Record<string, unknown>;
    githubToken?: string;
  } = {},
) {
  const githubToken = options.githubToken ?? GITHUB_TOKEN;
  const github = exampleForgeRepo();
  const gitlab = exampleForgeRepo();
  const waits: number[] = [];
  const integrations = ScmIntegrations.fromConfig(
    mockServices.rootConfig({
      data: {
        integrations: {
          // Config values are JSON; the test's app entry is plain data.
          github: [
            (options.githubIntegration ?? {
              host: 'github.com',
              token: GITHUB_TOKEN,
            }) as any,
          ],
          gitlab: [{ host: 'gitlab.com', token: GITLAB_TOKEN }],
        },
      },
    }),
  );
  const forges = createForgeFactory(integrations, {
    http: {
      sleep: async ms => {
        waits.push(ms);
      },
    },
  });
  const handlers = [
    ...fakeGithub(github, {
      owner: 'example-org',
      name: 'flux-monorepo',
      token: githubToken,
    }),
    ...fakeGitlab(gitlab, {
      group: 'platform/gitops',
      name: 'flux-monorepo',
      token: GITLAB_TOKEN,
    }),
  ];
  return { github, gitlab, waits, forges, handlers };
}
