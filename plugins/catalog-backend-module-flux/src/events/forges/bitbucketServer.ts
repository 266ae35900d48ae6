/**
 * Bitbucket Server / Data Center:
 * `@backstage/plugin-events-backend-module-bitbucket-server` routes the
 * events of topic `bitbucketServer` by their `X-Event-Key` header: a push
 * arrives on `bitbucketServer.repo:refs_changed`, one `changes[]` entry per
 * ref (`type` ADD, UPDATE or DELETE).
 */
import {
  branchesOfRefs,
  branchOfRef,
  Forge,
  isNullCommit,
  repositoryKey,
  str,
} from './types';

/** The segments up to `…/repos/<slug>` (`projects/<KEY>` or `users/<name>` before it, any context path before that). */
function upToRepo(segments: string[]): string[] | undefined {
  for (let i = 2; i + 1 < segments.length; i++) {
    const owner = segments[i - 2];
    if (segments[i] === 'repos' && (owner === 'projects' || owner === 'users'))
      return segments.slice(0, i + 2);
  }
  return undefined;
}

/** The repository's key from its browse link, else its HTTP clone link (`…/scm/<key>/<slug>.git`). */
function repositoryOf(repo: any): string | undefined {
  const self = Array.isArray(repo?.links?.self) ? repo.links.self : [];
  for (const link of self) {
    const key = repositoryKey(link?.href, upToRepo);
    if (key) return key;
  }
  const clone = Array.isArray(repo?.links?.clone) ? repo.links.clone : [];
  for (const link of clone) {
    const key = repositoryKey(link?.href, segments => {
      const scm = segments.lastIndexOf('scm');
      if (scm < 0 || segments.length !== scm + 3) return undefined;
      const [owner, slug] = segments.slice(scm + 1);
      // a personal repository's clone path is `scm/~user/slug`, its browse path `users/user/repos/slug`
      return [
        ...segments.slice(0, scm),
        ...(owner.startsWith('~')
          ? ['users', owner.slice(1)]
          : ['projects', owner]),
        'repos',
        slug,
      ];
    });
    if (key) return key;
  }
  return undefined;
}

export const bitbucketServer: Forge = {
  id: 'bitbucketServer',
  topic: 'bitbucketServer.repo:refs_changed',
  pushedBranches(payload) {
    const repository = repositoryOf(payload.repository);
    if (!repository) return [];
    // The payload names no default branch.
    return branchesOfRefs(
      payload.changes,
      change => {
        if (change?.type === 'DELETE' || isNullCommit(change?.toHash))
          return undefined;
        if (change?.ref?.type !== undefined && change.ref.type !== 'BRANCH')
          return undefined; // TAG
        return branchOfRef(change?.ref?.id ?? change?.refId);
      },
      { forge: 'bitbucketServer', repository },
    );
  },
  // `…/projects/<KEY>/repos/<slug>/browse/<path>?at=refs%2Fheads%2F<branch>`; without `at`: the default branch.
  targetRef(rest, query) {
    if (rest.length > 0 && rest[0] !== 'browse' && rest[0] !== 'raw')
      return undefined;
    const at = str(query.get('at'));
    if (!at) return { kind: 'default' };
    if (at.startsWith('refs/')) {
      const branch = branchOfRef(at);
      return branch ? { kind: 'branch', branch } : undefined; // refs/tags/…
    }
    return { kind: 'branch', branch: at }; // a short branch name
  },
};
