import type { RootConfigService } from '@backstage/backend-plugin-api';
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
import { GitServerConfig, PlainGitRepository, plainGitUrl } from './plainGit';
import type { ForgeClient } from './types';

/**
 * Builds the client of a repo-picker URL (`github.com?owner=o&repo=r`): a
 * forge with a pull request API, or a plain git repository on a configured
 * git server (also given as its full URL).
 * @public
 */
export type ForgeFactory = (
  repoUrl: string,
) => ForgeClient | PlainGitRepository;

/** The git servers of `scaffolder.fluxMonorepo.gitServers`; base URLs end in `/`. */
export function readGitServers(config: RootConfigService): GitServerConfig[] {
  return (
    config.getOptionalConfigArray('scaffolder.fluxMonorepo.gitServers') ?? []
  ).map(server => {
    const url = new URL(server.getString('baseUrl'));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(
        `scaffolder.fluxMonorepo.gitServers: ${url.href} is not an http(s) URL`,
      );
    }
    const baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
    return { baseUrl, host: server.getOptionalString('host') ?? url.host };
  });
}

/**
 * Forge clients with credentials from Backstage's `integrations` config:
 * GitHub token or GitHub App through the credentials provider, GitLab token.
 * @public
 */
export function createForgeFactory(
  integrations: ScmIntegrationRegistry,
  options: {
    github?: GithubCredentialsProvider;
    http?: ForgeHttpOptions;
    gitServers?: GitServerConfig[];
  } = {},
): ForgeFactory {
  const github =
    options.github ??
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  return repoUrl => {
    const gitUrl = plainGitUrl(repoUrl, options.gitServers ?? []);
    if (gitUrl) return new PlainGitRepository(gitUrl);
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
              `No GitHub credentials for ${host}/${owner}/${repo}: set a token or a GitHub App in integrations.github of the app config.`,
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
              `No GitLab token for ${host}/${owner}/${repo}: set one in integrations.gitlab of the app config.`,
            );
          }
          return getGitLabRequestOptions(config).headers;
        },
      });
    }
    throw new InputError(
      `repoUrl host "${host}" is neither a GitHub nor a GitLab integration nor a git server of scaffolder.fluxMonorepo.gitServers.`,
    );
  };
}
