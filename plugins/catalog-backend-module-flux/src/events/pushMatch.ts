/**
 * Refresh on push: which providers a push event concerns. Pure: a
 * provider's target URL against the branches the event pushed, as the
 * events backend's webhook modules (or its HTTP ingress, for Gitea) publish
 * them. One file per forge under `forges/`: the topic, the payload's
 * pushed branches, the shape of its target URLs.
 */
import { isUrlTarget } from '../readMonorepoTree';
import { FORGES } from './forges';
import type { EventMetadata, PushedBranch } from './forges';
import { pathSegments } from './forges/types';

export type { ForgeId, PushedBranch } from './forges';

/** The topics this module subscribes to, one per forge. */
export const PUSH_TOPICS: string[] = FORGES.map(forge => forge.topic);

/** An event of the events service, as a subscriber receives it. */
export interface PushEvent {
  topic: string;
  eventPayload: unknown;
  metadata?: EventMetadata;
}

/**
 * The branches a push event pushed (several for one Bitbucket or Azure
 * DevOps push): none for another topic, a tag push, a deletion or a
 * payload of another shape. Never throws.
 */
export function pushedBranchesOf(event: PushEvent): PushedBranch[] {
  const forge = FORGES.find(f => f.topic === event.topic);
  const payload = event.eventPayload;
  if (!forge || !payload || typeof payload !== 'object') return [];
  try {
    return forge.pushedBranches(
      payload as Record<string, any>,
      event.metadata ?? {},
    );
  } catch {
    return []; // a payload of a shape no forge sends
  }
}

/**
 * Whether a push changed the repository and branch a provider reads. The
 * target is a URL of the push's forge on the same host whose path starts
 * with the repository's (case-insensitively, `.git` ignored), followed by
 * that forge's form of a branch: GitHub `tree|blob/<branch>/…`, GitLab
 * `-/tree/<branch>/…`, Gitea `src/branch/<branch>/…`, Bitbucket Cloud
 * `src/<branch>/…`, Bitbucket Server `browse/…?at=refs/heads/<branch>`,
 * Azure DevOps `?path=…&version=GB<branch>`. A branch with slashes must match
 * whole segments. A target naming no branch reads the default branch: it
 * matches a push to it, or to any branch when the payload does not name
 * the default branch (Bitbucket). Never a local folder, another repository
 * or branch, a tag or commit, a URL of another shape.
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
  const [host, ...repository] = pushed.repository.split('/');
  if (host !== url.host.toLowerCase()) return false;
  const segments = pathSegments(url.pathname);
  const n = repository.length;
  if (n < 2 || segments.length < n) return false;
  const targetRepository = segments
    .slice(0, n)
    .join('/')
    .toLowerCase()
    .replace(/\.git$/, '');
  if (targetRepository !== repository.join('/')) return false;

  const forge = FORGES.find(f => f.id === pushed.forge);
  const ref = forge?.targetRef(segments.slice(n), url.searchParams);
  switch (ref?.kind) {
    case 'default':
      return (
        pushed.defaultBranch === undefined ||
        pushed.branch === pushed.defaultBranch
      );
    case 'branch':
      return ref.branch === pushed.branch;
    case 'refAndPath':
      return (
        ref.refAndPath === pushed.branch ||
        ref.refAndPath.startsWith(`${pushed.branch}/`)
      );
    default:
      return false;
  }
}
