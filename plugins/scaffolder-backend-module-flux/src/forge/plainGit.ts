import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, NotFoundError } from '@backstage/errors';
import { readTarArchive } from '@flux-portal/kustomize';
import type { BranchHead, CommitSpec, GitRepository } from './types';

/**
 * A git server the actions may push to without a forge API
 * (`scaffolder.fluxMonorepo.gitServers`): smart HTTP(S) under `baseUrl`.
 * @public
 */
export interface GitServerConfig {
  /** Every repository URL must start with this, e.g. `http://127.0.0.1:7790/`. */
  baseUrl: string;
  /** Host name in repo-picker URLs (`<host>?owner=o&repo=r`); default the host of `baseUrl`. */
  host: string;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function safePath(value: string) {
  return value.split('/').every(s => SEGMENT.test(s) && !s.includes('..'));
}

/**
 * The repository URL of `repoUrl` when it names a configured git server —
 * repo-picker form `<host>?owner=o&repo=r` (→ `<baseUrl>o/r.git`) or a full
 * `http(s)://` URL under a server's `baseUrl` — else undefined. A full URL
 * under no configured server is refused: only allowed URLs are fetched.
 */
export function plainGitUrl(
  repoUrl: string,
  servers: GitServerConfig[],
): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repoUrl)) {
    let url: URL;
    try {
      url = new URL(repoUrl);
    } catch {
      throw new InputError(`repoUrl "${repoUrl}" is not a valid URL.`);
    }
    url.username = '';
    url.password = '';
    const href = url.href;
    const allowed = servers.some(
      s => href.startsWith(s.baseUrl) && safePath(url.pathname.slice(1)),
    );
    if (!allowed || url.search || url.hash) {
      throw new InputError(
        `Git URL ${href} is not allowed: it must be under a baseUrl of scaffolder.fluxMonorepo.gitServers (${
          servers.map(s => s.baseUrl).join(', ') || 'none configured'
        }).`,
      );
    }
    return href;
  }
  let parsed: URL;
  try {
    parsed = new URL(`https://${repoUrl}`);
  } catch {
    return undefined;
  }
  const server = servers.find(s => s.host === parsed.host);
  if (!server) return undefined;
  const owner = parsed.searchParams.get('owner') ?? '';
  const repo = (parsed.searchParams.get('repo') ?? '').replace(/\.git$/, '');
  if (!repo || !safePath(repo) || (owner && !safePath(owner))) {
    throw new InputError(
      `repoUrl "${repoUrl}" needs repo (and owner) made of letters, digits, '.', '_' and '-'.`,
    );
  }
  return `${server.baseUrl}${owner ? `${owner}/` : ''}${repo}.git`;
}

/** Author and committer of the pushed commit. */
const COMMITTER = {
  GIT_AUTHOR_NAME: 'Flux Portal',
  GIT_AUTHOR_EMAIL: 'flux-portal@localhost',
  GIT_COMMITTER_NAME: 'Flux Portal',
  GIT_COMMITTER_EMAIL: 'flux-portal@localhost',
};

/**
 * git without the machine's or user's configuration (no `insteadOf`
 * rewrites, credential helpers or prompts), HTTP(S) only, no redirects:
 * the URL checked against the config is the URL fetched.
 */
function gitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'http:https',
    LC_ALL: 'C',
  };
}

const GIT_OPTIONS = [
  '-c',
  'http.followRedirects=false',
  '-c',
  'credential.helper=',
];

/**
 * A repository on a plain git server, reached with the git binary over
 * smart HTTP: one temporary bare repository per run fetches the target
 * branch, builds the commit with plumbing (no checkout) and force-pushes
 * it. There is no pull request API; the pushed branch is the result.
 * @public
 */
export class PlainGitRepository implements GitRepository {
  readonly kind = 'git' as const;
  readonly repoName: string;
  private dir?: Promise<string>;

  constructor(readonly url: string) {
    this.repoName = url;
  }

  private async run(
    operation: string,
    args: string[],
    options: { input?: string; env?: NodeJS.ProcessEnv } = {},
  ): Promise<Buffer> {
    const cwd = await this.workDir();
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        [...GIT_OPTIONS, ...args],
        {
          cwd,
          env: { ...gitEnv(), GIT_DIR: cwd, ...options.env },
          encoding: 'buffer',
          maxBuffer: 512 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          const detail =
            stderr.toString('utf8').trim().split('\n').pop() ||
            (error as Error).message;
          return reject(
            new InputError(
              `Git ${this.repoName}: ${operation} failed: ${detail}`,
            ),
          );
        },
      );
      if (options.input !== undefined) child.stdin!.end(options.input);
    });
  }

  private async text(operation: string, args: string[], input?: string) {
    return (await this.run(operation, args, { input })).toString('utf8').trim();
  }

  private workDir(): Promise<string> {
    this.dir ??= (async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'flux-portal-git-'));
      await new Promise<void>((resolve, reject) =>
        execFile(
          'git',
          ['init', '--quiet', '--bare', dir],
          { env: gitEnv() },
          error => (error ? reject(error) : resolve()),
        ),
      );
      return dir;
    })();
    return this.dir;
  }

  async getDefaultBranch(): Promise<string> {
    const out = await this.text('reading the default branch', [
      'ls-remote',
      '--symref',
      this.url,
      'HEAD',
    ]);
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out);
    if (!match) {
      throw new NotFoundError(
        `Git ${this.repoName}: the repository has no default branch.`,
      );
    }
    return match[1];
  }

  async getHead(branch: string): Promise<BranchHead> {
    const remote = await this.text(`reading branch "${branch}"`, [
      'ls-remote',
      this.url,
      `refs/heads/${branch}`,
    ]);
    if (!remote) {
      throw new NotFoundError(
        `Git ${this.repoName}: branch "${branch}" does not exist.`,
      );
    }
    await this.run(`fetching branch "${branch}"`, [
      'fetch',
      '--quiet',
      '--depth=1',
      '--no-tags',
      this.url,
      `+refs/heads/${branch}:refs/flux-portal/target`,
    ]);
    const sha = await this.text('reading the fetched head', [
      'rev-parse',
      'refs/flux-portal/target',
    ]);
    return { sha };
  }

  async readFiles(head: BranchHead): Promise<Record<string, Buffer>> {
    const archive = await this.run(`reading commit ${head.sha}`, [
      'archive',
      '--format=tar.gz',
      '--prefix=repo/',
      head.sha,
    ]);
    return readTarArchive(archive);
  }

  /** Head commit of `branch` on the server, or undefined. */
  async branchSha(branch: string): Promise<string | undefined> {
    const out = await this.text(`reading branch "${branch}"`, [
      'ls-remote',
      this.url,
      `refs/heads/${branch}`,
    ]);
    return out.split('\t')[0] || undefined;
  }

  async commitFiles(commit: CommitSpec): Promise<string> {
    const dir = await this.workDir();
    const env = { GIT_INDEX_FILE: path.join(dir, 'flux-portal-index') };
    const run = (operation: string, args: string[], input?: string) =>
      this.run(operation, args, { env, input });
    await run('reading the target tree', ['read-tree', commit.base.sha]);
    const entries: string[] = [];
    for (const file of Object.keys(commit.files).sort()) {
      const blob = (
        await run(
          `storing ${file}`,
          ['hash-object', '-w', '--stdin'],
          commit.files[file],
        )
      )
        .toString('utf8')
        .trim();
      entries.push(`100644 ${blob}\t${file}\n`);
    }
    await run(
      'staging the files',
      ['update-index', '--index-info'],
      entries.join(''),
    );
    const tree = (await run('writing the tree', ['write-tree']))
      .toString('utf8')
      .trim();
    const sha = (
      await this.run(
        'creating the commit',
        ['commit-tree', tree, '-p', commit.base.sha, '-F', '-'],
        { input: `${commit.message}\n`, env: { ...env, ...COMMITTER } },
      )
    )
      .toString('utf8')
      .trim();
    await this.run(`pushing branch "${commit.branch}"`, [
      'push',
      '--quiet',
      '--force',
      this.url,
      `${sha}:refs/heads/${commit.branch}`,
    ]);
    return sha;
  }

  /** Removes the temporary repository. */
  async close(): Promise<void> {
    const dir = this.dir;
    this.dir = undefined;
    if (dir) await fs.rm(await dir, { recursive: true, force: true });
  }
}
