import { InputError } from '@backstage/errors';
import { FileTree, createMemoryTree } from '@flux-portal/kustomize';
import type { MonorepoChange } from '../plan/types';
import type { ForgeClient, GitRepository, PullRequest } from './types';
import type { PlainGitRepository } from './plainGit';

export interface OpenedPullRequest {
  change: MonorepoChange;
  pullRequest: PullRequest;
  /** True when an open pull request of the branch was updated instead. */
  updated: boolean;
  targetBranch: string;
  commitSha: string;
}

/** Reads the target branch head and computes the change on it; refuses with every reason. */
export async function planOnHead(
  forge: GitRepository,
  targetBranch: string | undefined,
  plan: (tree: FileTree) => Promise<MonorepoChange>,
  what: string,
) {
  const target = targetBranch || (await forge.getDefaultBranch());
  const head = await forge.getHead(target);
  const files = await forge.readFiles(head);
  const change = await plan(createMemoryTree(files));
  if (change.problems.length) {
    throw new InputError(
      `Refusing to add ${what}, nothing was pushed:\n- ${change.problems.join(
        '\n- ',
      )}`,
    );
  }
  return { target, head, change };
}

/** What committing a monorepo change needs, whatever the repository. */
export interface ChangeSpec {
  targetBranch?: string;
  branch: string;
  what: string;
  plan: (tree: FileTree) => Promise<MonorepoChange>;
  /** Title and description; deterministic so a re-run changes nothing. */
  describe: (change: MonorepoChange) => { title: string; body: string };
  onPlanned?: (change: MonorepoChange) => void;
}

/**
 * Computes the change on the head of the target branch and force-sets
 * `branch` to exactly one commit on top of that head, so a re-run with the
 * same inputs replaces the branch's content instead of stacking
 * registrations, and a moved target branch gets the change recomputed on
 * its new head. Nothing is written when the change is refused.
 */
async function commitOnHead(
  repo: GitRepository,
  options: ChangeSpec,
  hooks: {
    /** Whether `branch` exists already, asked once the target is known. */
    branchExists: (target: string) => Promise<boolean>;
    message: (description: { title: string; body: string }) => string;
  },
) {
  const { target, head, change } = await planOnHead(
    repo,
    options.targetBranch,
    options.plan,
    options.what,
  );
  options.onPlanned?.(change);
  const description = options.describe(change);
  const exists = await hooks.branchExists(target);
  const commitSha = await repo.commitFiles({
    branch: options.branch,
    base: head,
    files: change.files,
    existing: new Set(change.modified),
    message: hooks.message(description),
    branchExists: exists,
  });
  return { target, head, change, description, commitSha, exists };
}

/**
 * Opens (or updates) the pull request of a monorepo change: the branch is
 * set as `commitOnHead` says, then the pull request of the branch is
 * created, or updated when its title or description changed.
 */
export async function openPullRequest(
  options: ChangeSpec & { forge: ForgeClient },
): Promise<OpenedPullRequest> {
  const { forge, branch } = options;
  let existing: PullRequest | undefined;
  const { target, change, description, commitSha } = await commitOnHead(
    forge,
    options,
    {
      branchExists: async targetBranch => {
        existing = await forge.findPullRequest(branch, targetBranch);
        return existing !== undefined;
      },
      message: ({ title }) => title,
    },
  );
  const spec = { branch, targetBranch: target, ...description };
  const pullRequest = existing
    ? await forge.updatePullRequest(existing, spec)
    : await forge.createPullRequest(spec);
  return {
    change,
    pullRequest,
    updated: existing !== undefined,
    targetBranch: target,
    commitSha,
  };
}

export interface PushedBranch {
  change: MonorepoChange;
  targetBranch: string;
  /** The target branch head the commit is on top of. */
  baseSha: string;
  commitSha: string;
  /** True when the branch existed and was replaced. */
  updated: boolean;
}

/**
 * The plain git counterpart of `openPullRequest`, for a server without a
 * pull request API: the branch is set as `commitOnHead` says, with the
 * description as the commit message body, and that is the result.
 */
export async function pushBranch(
  options: ChangeSpec & { repo: PlainGitRepository },
): Promise<PushedBranch> {
  const { repo, branch } = options;
  const { target, head, change, commitSha, exists } = await commitOnHead(
    repo,
    options,
    {
      branchExists: async () => (await repo.branchSha(branch)) !== undefined,
      message: ({ title, body }) => `${title}\n\n${body}`,
    },
  );
  return {
    change,
    targetBranch: target,
    baseSha: head.sha,
    commitSha,
    updated: exists,
  };
}
