/**
 * Refresh on push: which providers a GitHub or GitLab push event concerns.
 * Pure: a provider's target URL against the event's payload, as the events
 * backend's webhook modules publish it (topics `github.push`, `gitlab.push`).
 */
import { isUrlTarget } from '../readMonorepoTree';

/** The topics this module subscribes to. */
export const PUSH_TOPICS = ['github.push', 'gitlab.push'];

/** A pushed branch of a repository, read from a push event's payload. */
export interface PushedBranch {
  /** lower-cased `host/owner/repo` (GitLab: `host/group/sub/repo`), no `.git` */
  repository: string;
  branch: string;
  /** the repository's default branch, when the payload names it */
  defaultBranch?: string;
}

/** `host/path` of a repository URL, lower-cased, without `.git` or a trailing slash; undefined when not a URL. */
function repositoryKey(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
    if (!path || path === '/') return undefined;
    return `${parsed.host}${path}`.toLowerCase();
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The branch a GitHub (`repository.html_url`) or GitLab (`project.web_url`)
 * push event's payload pushed; undefined for a tag push, a branch deletion
 * or a payload of another shape.
 */
export function pushedBranchOf(payload: unknown): PushedBranch | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, any>;
  const ref = str(p.ref);
  if (!ref?.startsWith('refs/heads/')) return undefined; // tags, notes …
  if (p.deleted === true) return undefined; // GitHub: a deleted branch has nothing to read
  if (/^0+$/.test(str(p.after) ?? '')) return undefined; // GitLab: the same
  const repository =
    repositoryKey(p.repository?.html_url) ?? // GitHub
    repositoryKey(p.project?.web_url) ?? // GitLab
    repositoryKey(p.repository?.homepage); // GitLab, older payloads
  if (!repository) return undefined;
  return {
    repository,
    branch: ref.slice('refs/heads/'.length),
    defaultBranch:
      str(p.repository?.default_branch) ?? str(p.project?.default_branch),
  };
}

/**
 * Whether a push changed the repository and branch a provider reads. The
 * target is a GitHub (`…/owner/repo/tree/<branch>/path`) or GitLab
 * (`…/group/repo/-/tree/<branch>/path`) URL; a target without a branch reads
 * the default branch. A local folder never matches, nor does another
 * repository, another branch or a URL of another shape.
 */
export function pushMatchesTarget(
  target: string,
  pushed: PushedBranch,
): boolean {
  if (!isUrlTarget(target)) return false;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const repoPath = (n: number) =>
    `${url.host}/${segments.slice(0, n).join('/')}`
      .toLowerCase()
      .replace(/\.git$/, '');
  const [host, ...pushedPath] = pushed.repository.split('/');
  if (host !== url.host.toLowerCase()) return false;
  const n = pushedPath.length;
  if (n < 2 || segments.length < n || repoPath(n) !== pushed.repository)
    return false;

  // What follows the repository: GitLab puts '-' before tree/blob.
  let rest = segments.slice(n);
  if (rest[0] === '-') rest = rest.slice(1);
  if (rest.length === 0)
    return (
      pushed.defaultBranch !== undefined &&
      pushed.branch === pushed.defaultBranch
    );
  if (rest[0] !== 'tree' && rest[0] !== 'blob') return false;
  // A branch may hold slashes: the pushed branch must be the whole ref part or a prefix of whole segments.
  const refAndPath = rest.slice(1);
  const branchSegments = pushed.branch.split('/');
  return (
    refAndPath.length >= branchSegments.length &&
    branchSegments.every((s, i) => refAndPath[i] === s)
  );
}
