import { InputError } from '@backstage/errors';
import { FileTree, createMemoryTree } from '@flux-portal/kustomize';
import type { MonorepoChange } from '../plan/types';
import type { ForgeClient, PullRequest } from './types';

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
  forge: ForgeClient,
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

/**
 * Opens (or updates) the pull request of a monorepo change: reads the head
 * of the target branch, computes the change on it, and force-sets `branch`
 * to exactly one commit on top of that head, so a re-run with the same
 * inputs replaces the branch's content instead of stacking registrations,
 * and a moved target branch gets the change recomputed on its new head.
 * Nothing is written when the change is refused.
 */
export async function openPullRequest(options: {
  forge: ForgeClient;
  targetBranch?: string;
  branch: string;
  what: string;
  plan: (tree: FileTree) => Promise<MonorepoChange>;
  /** Title and description; deterministic so a re-run changes nothing. */
  describe: (change: MonorepoChange) => { title: string; body: string };
  onPlanned?: (change: MonorepoChange) => void;
}): Promise<OpenedPullRequest> {
  const { forge, branch } = options;
  const { target, head, change } = await planOnHead(
    forge,
    options.targetBranch,
    options.plan,
    options.what,
  );
  options.onPlanned?.(change);
  const { title, body } = options.describe(change);
  const existing = await forge.findPullRequest(branch, target);
  const commitSha = await forge.commitFiles({
    branch,
    base: head,
    files: change.files,
    existing: new Set(change.modified),
    message: title,
    branchExists: existing !== undefined,
  });
  const spec = { branch, targetBranch: target, title, body };
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
