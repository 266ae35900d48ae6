import { ForgeHttp } from './forgeHttp';
import { readTarArchive } from '@flux-portal/kustomize';
import type {
  BranchHead,
  CommitSpec,
  ForgeClient,
  ForgeRepoOptions,
  PullRequest,
  PullRequestSpec,
} from './types';

/** Path segments of a branch name, each URL-encoded, slashes kept. */
export function branchPath(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/');
}

interface GithubPull {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
}

const toPullRequest = (p: GithubPull): PullRequest => ({
  number: p.number,
  url: p.html_url,
  title: p.title,
  body: p.body ?? '',
});

/**
 * GitHub REST client of one repository. A commit is three calls of the git
 * data API: one tree with every file inline, one commit, one ref update.
 */
export class GithubForge implements ForgeClient {
  readonly repoName: string;
  private readonly http: ForgeHttp;
  private readonly base: string;
  private readonly owner: string;

  constructor(options: ForgeRepoOptions) {
    this.repoName = `${options.host}/${options.owner}/${options.repo}`;
    this.base = `${options.apiBaseUrl.replace(
      /\/+$/,
      '',
    )}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(
      options.repo,
    )}`;
    this.owner = options.owner;
    this.http = new ForgeHttp(
      {
        forge: 'GitHub',
        repoName: this.repoName,
        authHeaders: async () => ({
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          ...(await options.authHeaders()),
        }),
      },
      options.http,
    );
  }

  async getDefaultBranch(): Promise<string> {
    const repo = await this.http.json<{ default_branch: string }>(
      'reading the default branch',
      'GET',
      this.base,
    );
    return repo.default_branch;
  }

  async getHead(branch: string): Promise<BranchHead> {
    const b = await this.http.json<{
      commit: { sha: string; commit: { tree: { sha: string } } };
    }>(
      `reading branch "${branch}"`,
      'GET',
      `${this.base}/branches/${branchPath(branch)}`,
    );
    return { sha: b.commit.sha, treeSha: b.commit.commit.tree.sha };
  }

  async readFiles(head: BranchHead): Promise<Record<string, Buffer>> {
    const response = await this.http.send(
      `downloading commit ${head.sha}`,
      'GET',
      `${this.base}/tarball/${head.sha}`,
    );
    return readTarArchive(Buffer.from(await response.arrayBuffer()));
  }

  async findPullRequest(
    branch: string,
    targetBranch: string,
  ): Promise<PullRequest | undefined> {
    const query = new URLSearchParams({
      head: `${this.owner}:${branch}`,
      base: targetBranch,
      state: 'open',
      per_page: '1',
    });
    const pulls = await this.http.json<GithubPull[]>(
      `looking for the pull request of branch "${branch}"`,
      'GET',
      `${this.base}/pulls?${query}`,
    );
    return pulls.length ? toPullRequest(pulls[0]) : undefined;
  }

  async commitFiles(commit: CommitSpec): Promise<string> {
    const tree = await this.http.json<{ sha: string }>(
      'writing the tree',
      'POST',
      `${this.base}/git/trees`,
      {
        base_tree: commit.base.treeSha,
        tree: Object.entries(commit.files).map(([path, content]) => ({
          path,
          mode: '100644',
          type: 'blob',
          content,
        })),
      },
    );
    const created = await this.http.json<{ sha: string }>(
      'writing the commit',
      'POST',
      `${this.base}/git/commits`,
      {
        message: commit.message,
        tree: tree.sha,
        parents: [commit.base.sha],
      },
    );
    const update = () =>
      this.http.send(
        `moving branch "${commit.branch}"`,
        'PATCH',
        `${this.base}/git/refs/heads/${branchPath(commit.branch)}`,
        {
          sha: created.sha,
          force: true,
        },
      );
    if (commit.branchExists) {
      await update();
    } else {
      // 422 "Reference already exists": a branch left without an open pull request.
      const response = await this.http.send(
        `creating branch "${commit.branch}"`,
        'POST',
        `${this.base}/git/refs`,
        { ref: `refs/heads/${commit.branch}`, sha: created.sha },
        [422],
      );
      if (response.status === 422) await update();
    }
    return created.sha;
  }

  async createPullRequest(spec: PullRequestSpec): Promise<PullRequest> {
    const pull = await this.http.json<GithubPull>(
      `opening the pull request of branch "${spec.branch}"`,
      'POST',
      `${this.base}/pulls`,
      {
        title: spec.title,
        body: spec.body,
        head: spec.branch,
        base: spec.targetBranch,
      },
    );
    return toPullRequest(pull);
  }

  async updatePullRequest(
    existing: PullRequest,
    spec: PullRequestSpec,
  ): Promise<PullRequest> {
    if (existing.title === spec.title && existing.body === spec.body)
      return existing;
    const pull = await this.http.json<GithubPull>(
      `updating pull request #${existing.number}`,
      'PATCH',
      `${this.base}/pulls/${existing.number}`,
      { title: spec.title, body: spec.body },
    );
    return toPullRequest(pull);
  }
}
