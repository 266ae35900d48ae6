import type { ForgeHttpOptions } from './forgeHttp';

/** Where one repository is on its forge and how to authenticate there. */
export interface ForgeRepoOptions {
  apiBaseUrl: string;
  host: string;
  /** Owner or group path (GitLab subgroups included). */
  owner: string;
  repo: string;
  authHeaders: () => Promise<Record<string, string>>;
  http?: ForgeHttpOptions;
}

/** Head of a branch: the commit and, when the forge gives it, its tree. @public */
export interface BranchHead {
  sha: string;
  treeSha?: string;
}

/** An open pull request (GitHub) or merge request (GitLab). @public */
export interface PullRequest {
  number: number;
  url: string;
  title: string;
  body: string;
}

/** What the pull request should say. @public */
export interface PullRequestSpec {
  branch: string;
  targetBranch: string;
  title: string;
  body: string;
}

/** One commit replacing `branch` with `files` on top of `base`. @public */
export interface CommitSpec {
  branch: string;
  /** Head of the target branch the commit goes on top of. */
  base: BranchHead;
  /** Path → full new text. */
  files: Record<string, string>;
  /** Paths of `files` that already exist at `base` (GitLab needs create vs update). */
  existing: ReadonlySet<string>;
  message: string;
  /** Whether `branch` is known to exist already (saves a call on GitHub). */
  branchExists: boolean;
}

/**
 * What pushing one commit on top of a branch needs: GitHub and GitLab over
 * REST, a plain git server with the git binary (`PlainGitRepository`).
 * @public
 */
export interface GitRepository {
  /** `github.com/owner/repo` or the git URL, for messages. */
  readonly repoName: string;
  getDefaultBranch(): Promise<string>;
  getHead(branch: string): Promise<BranchHead>;
  /** Every file of the repository at `head`, in one archive download. */
  readFiles(head: BranchHead): Promise<Record<string, Buffer>>;
  /** Force-sets `branch` to one new commit on top of `base`; returns its sha. */
  commitFiles(commit: CommitSpec): Promise<string>;
  /** Releases what the client holds locally (plain git's temporary repository). */
  close?(): Promise<void>;
}

/**
 * The few forge operations opening a monorepo change needs. GitHub and GitLab
 * implement it over REST; every method is one or two API calls.
 * @public
 */
export interface ForgeClient extends GitRepository {
  findPullRequest(
    branch: string,
    targetBranch: string,
  ): Promise<PullRequest | undefined>;
  createPullRequest(spec: PullRequestSpec): Promise<PullRequest>;
  updatePullRequest(
    existing: PullRequest,
    spec: PullRequestSpec,
  ): Promise<PullRequest>;
}
