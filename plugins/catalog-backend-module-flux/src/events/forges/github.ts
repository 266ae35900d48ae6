/**
 * GitHub (`github.push`) and GitLab (`gitlab.push`), as the events backend's
 * GitHub and GitLab modules publish them; GitHub Enterprise and self-hosted
 * GitLab alike (the host is the payload URL's).
 */
import {
  branchOfRef,
  EventMetadata,
  Forge,
  ForgeId,
  isNullCommit,
  PushedBranch,
  repositoryKey,
  str,
  TargetRef,
} from './types';

/**
 * The branch a GitHub-shaped push payload (one `ref`; GitHub, GitLab, Gitea)
 * pushed: none for a tag push, a branch deletion or a payload of another
 * shape. The repository is GitHub's and Gitea's `repository.html_url`, or
 * GitLab's `project.web_url` (older payloads: `repository.homepage`).
 */
export function githubShapedPush(
  forge: ForgeId,
  p: Record<string, any>,
): PushedBranch[] {
  const branch = branchOfRef(p.ref);
  if (!branch) return []; // tags, notes …
  if (p.deleted === true) return []; // GitHub, Gitea: a deleted branch has nothing to read
  if (isNullCommit(p.after)) return []; // GitLab, Gitea: the same
  const repository =
    repositoryKey(p.repository?.html_url) ??
    repositoryKey(p.project?.web_url) ??
    repositoryKey(p.repository?.homepage);
  if (!repository) return [];
  const defaultBranch =
    str(p.repository?.default_branch) ?? str(p.project?.default_branch);
  return [{ forge, repository, branch, defaultBranch }];
}

/** `…/tree/<branch>/<path>` or `…/blob/<branch>/<path>`; nothing after the repository: its default branch. */
function treeOrBlob(rest: string[]): TargetRef | undefined {
  if (rest.length === 0) return { kind: 'default' };
  if (rest[0] !== 'tree' && rest[0] !== 'blob') return undefined;
  return { kind: 'refAndPath', refAndPath: rest.slice(1).join('/') };
}

export const github: Forge = {
  id: 'github',
  topic: 'github.push',
  pushedBranches: (payload: Record<string, any>, _metadata: EventMetadata) =>
    githubShapedPush('github', payload),
  targetRef: treeOrBlob,
};

export const gitlab: Forge = {
  id: 'gitlab',
  topic: 'gitlab.push',
  pushedBranches: (payload: Record<string, any>, _metadata: EventMetadata) =>
    githubShapedPush('gitlab', payload),
  // GitLab puts '-' before tree/blob (`…/repo/-/tree/<branch>/…`); older URLs have none.
  targetRef: rest => treeOrBlob(rest[0] === '-' ? rest.slice(1) : rest),
};
