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

interface GitlabMergeRequest {
  iid: number;
  web_url: string;
  title: string;
  description: string | null;
}

const toPullRequest = (mr: GitlabMergeRequest): PullRequest => ({
  number: mr.iid,
  url: mr.web_url,
  title: mr.title,
  body: mr.description ?? '',
});

/**
 * GitLab REST v4 client of one project. A commit is one call of the commits
 * API: every file as an action, `start_sha` the target head, `force` to
 * replace an earlier run's commit.
 */
export class GitlabForge implements ForgeClient {
  readonly repoName: string;
  private readonly http: ForgeHttp;
  private readonly base: string;

  constructor(options: ForgeRepoOptions) {
    this.repoName = `${options.host}/${options.owner}/${options.repo}`;
    this.base = `${options.apiBaseUrl.replace(
      /\/+$/,
      '',
    )}/projects/${encodeURIComponent(`${options.owner}/${options.repo}`)}`;
    this.http = new ForgeHttp(
      {
        forge: 'GitLab',
        repoName: this.repoName,
        authHeaders: options.authHeaders,
      },
      options.http,
    );
  }

  async getDefaultBranch(): Promise<string> {
    const project = await this.http.json<{ default_branch: string }>(
      'reading the default branch',
      'GET',
      this.base,
    );
    return project.default_branch;
  }

  async getHead(branch: string): Promise<BranchHead> {
    const b = await this.http.json<{ commit: { id: string } }>(
      `reading branch "${branch}"`,
      'GET',
      `${this.base}/repository/branches/${encodeURIComponent(branch)}`,
    );
    return { sha: b.commit.id };
  }

  async readFiles(head: BranchHead): Promise<Record<string, Buffer>> {
    const response = await this.http.send(
      `downloading commit ${head.sha}`,
      'GET',
      `${this.base}/repository/archive.tar.gz?sha=${encodeURIComponent(
        head.sha,
      )}`,
    );
    return readTarArchive(Buffer.from(await response.arrayBuffer()));
  }

  async findPullRequest(
    branch: string,
    targetBranch: string,
  ): Promise<PullRequest | undefined> {
    const query = new URLSearchParams({
      source_branch: branch,
      target_branch: targetBranch,
      state: 'opened',
    });
    const mrs = await this.http.json<GitlabMergeRequest[]>(
      `looking for the merge request of branch "${branch}"`,
      'GET',
      `${this.base}/merge_requests?${query}`,
    );
    return mrs.length ? toPullRequest(mrs[0]) : undefined;
  }

  async commitFiles(commit: CommitSpec): Promise<string> {
    const created = await this.http.json<{ id: string }>(
      'writing the commit',
      'POST',
      `${this.base}/repository/commits`,
      {
        branch: commit.branch,
        start_sha: commit.base.sha,
        force: true,
        commit_message: commit.message,
        actions: Object.entries(commit.files).map(([path, content]) => ({
          action: commit.existing.has(path) ? 'update' : 'create',
          file_path: path,
          content,
        })),
      },
    );
    return created.id;
  }

  async createPullRequest(spec: PullRequestSpec): Promise<PullRequest> {
    const mr = await this.http.json<GitlabMergeRequest>(
      `opening the merge request of branch "${spec.branch}"`,
      'POST',
      `${this.base}/merge_requests`,
      {
        source_branch: spec.branch,
        target_branch: spec.targetBranch,
        title: spec.title,
        description: spec.body,
        remove_source_branch: true,
      },
    );
    return toPullRequest(mr);
  }

  async updatePullRequest(
    existing: PullRequest,
    spec: PullRequestSpec,
  ): Promise<PullRequest> {
    if (existing.title === spec.title && existing.body === spec.body)
      return existing;
    const mr = await this.http.json<GitlabMergeRequest>(
      `updating merge request !${existing.number}`,
      'PUT',
      `${this.base}/merge_requests/${existing.number}`,
      { title: spec.title, description: spec.body },
    );
    return toPullRequest(mr);
  }
}
