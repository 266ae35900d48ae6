import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  getGitLabRequestOptions,
} from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import type { ForgeHttpOptions } from './forgeHttp';
import { GithubForge } from './githubForge';
import { GitlabForge } from './gitlabForge';
import type { ForgeClient } from './types';

/** Builds the forge client of a repo-picker URL (`github.com?owner=o&repo=r`). */
export type ForgeFactory = (repoUrl: string) => ForgeClient;

/**
 * Forge clients with credentials from Backstage's `integrations` config:
 * GitHub token or GitHub App through the credentials provider, GitLab token.
 */
export function createForgeFactory(
  integrations: ScmIntegrationRegistry,
  options: { github?: GithubCredentialsProvider; http?: ForgeHttpOptions } = {},
): ForgeFactory {
  const github =
    options.github ??
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return repoUrl => {
    const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
    if (!owner) throw new InputError(`repoUrl "${repoUrl}" names no owner`);
    const githubIntegration = integrations.github.byHost(host);
    if (githubIntegration) {
      return new GithubForge({
        apiBaseUrl:
          githubIntegration.config.apiBaseUrl ?? 'https://api.github.com',
        host,
        owner,
        repo,
        http: options.http,
        authHeaders: async () => {
          const { headers } = await github.getCredentials({
            url: `https://${host}/${owner}/${repo}`,
          });
          if (!headers?.Authorization) {
            throw new InputError(
              `No GitHub credentials for ${host}/${owner}/${repo}: configure a token or app in integrations.github`,
            );
          }
          return headers;
        },
      });
    }
    const gitlabIntegration = integrations.gitlab.byHost(host);
    if (gitlabIntegration) {
      const config = gitlabIntegration.config;
      return new GitlabForge({
        apiBaseUrl: config.apiBaseUrl,
        host,
        owner,
        repo,
        http: options.http,
        authHeaders: async () => {
          if (!config.token) {
            throw new InputError(
              `No GitLab token for ${host}/${owner}/${repo}: configure one in integrations.gitlab`,
            );
          }
          return getGitLabRequestOptions(config).headers;
        },
      });
    }
    throw new InputError(
      `repoUrl host "${host}" is neither a GitHub nor a GitLab integration`,
    );
  };
}
