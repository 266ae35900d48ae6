/**
 * What every forge of refresh on push shares: the branch a push event
 * pushed, the ref a target URL reads, and the small readers of payload
 * fields. Pure.
 */

/** The forges whose push events refresh a provider. */
export type ForgeId =
  | 'github'
  | 'gitlab'
  | 'gitea'
  | 'bitbucketCloud'
  | 'bitbucketServer'
  | 'azureDevOps';

/** A pushed branch of a repository, read from a push event's payload. */
export interface PushedBranch {
  /** the forge whose event it is: it decides the shape of the target URLs it matches */
  forge: ForgeId;
  /**
   * `host/path` of the repository, lower-cased and URL-decoded, without
   * `.git`: `github.com/owner/repo`, `gitlab.com/group/sub/repo`,
   * `bitbucket.org/workspace/repo`, `host/projects/KEY/repos/slug`,
   * `dev.azure.com/org/project/_git/repo`
   */
  repository: string;
  branch: string;
  /** the repository's default branch, when the payload names it */
  defaultBranch?: string;
}

/** The headers of a webhook delivery, as the events backend's HTTP ingress publishes them (lower-case names). */
export type EventMetadata = Record<string, string | string[] | undefined>;

/** Which ref a target URL reads, from what follows its repository path. */
export type TargetRef =
  /** none named: the repository's default branch */
  | { kind: 'default' }
  /** exactly this branch (a query parameter names it whole) */
  | { kind: 'branch'; branch: string }
  /** `<branch>/<path>` in the URL's path: a branch with slashes is a prefix of whole segments */
  | { kind: 'refAndPath'; refAndPath: string };

/** A forge: the topic of its push events, how to read them, and the shape of its target URLs. */
export interface Forge {
  id: ForgeId;
  /** the events service topic its push events arrive on */
  topic: string;
  /** The branches a push event's payload pushed; none for tags, deletions or a payload of another shape. */
  pushedBranches(
    payload: Record<string, any>,
    metadata: EventMetadata,
  ): PushedBranch[];
  /**
   * The ref a target URL of this forge reads: `rest` is the URL-decoded
   * path segments after the repository's, `query` the URL's query.
   * Undefined when the URL names no branch it can read (a tag, a commit,
   * another page).
   */
  targetRef(rest: string[], query: URLSearchParams): TargetRef | undefined;
}

/** A non-empty string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The branch of a full ref (`refs/heads/<branch>`); undefined for tags, notes and anything else. */
export function branchOfRef(ref: unknown): string | undefined {
  const full = str(ref);
  if (!full?.startsWith('refs/heads/')) return undefined;
  return str(full.slice('refs/heads/'.length));
}

/** Whether a commit id is Git's null id: the ref was deleted. */
export function isNullCommit(id: unknown): boolean {
  return typeof id === 'string' && /^0+$/.test(id);
}

/** The URL-decoded path segments of a URL path (a segment that does not decode is kept as it is). */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map(segment => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * `host/path` of a repository URL: lower-cased, decoded, without `.git` or
 * a trailing slash; `pick` keeps the segments that name the repository
 * (all of them by default). Undefined when not an http(s) URL or no path is
 * left.
 */
export function repositoryKey(
  url: unknown,
  pick: (segments: string[]) => string[] | undefined = s => s,
): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return undefined;
  const segments = pick(pathSegments(parsed.pathname));
  if (!segments || segments.length === 0) return undefined;
  return `${parsed.host}/${segments.join('/')}`
    .toLowerCase()
    .replace(/\.git$/, '');
}

/**
 * The pushed branches of an event that lists its refs (Bitbucket, Azure
 * DevOps): `branchOf` gives a listed ref's branch, undefined for a tag, a
 * deletion or an entry of another shape. None when `refs` is no list.
 */
export function branchesOfRefs(
  refs: unknown,
  branchOf: (ref: any) => string | undefined,
  pushed: Omit<PushedBranch, 'branch'>,
): PushedBranch[] {
  if (!Array.isArray(refs)) return [];
  return refs.flatMap(ref => {
    const branch = branchOf(ref);
    return branch ? [{ ...pushed, branch }] : [];
  });
}
