/**
 * Bitbucket Cloud: `@backstage/plugin-events-backend-module-bitbucket-cloud`
 * routes the events of topic `bitbucketCloud` by their `X-Event-Key` header:
 * a push arrives on `bitbucketCloud.repo:push`. One push may change several
 * branches and tags (`push.changes[]`); a deleted branch has `new: null`.
 */
import { branchesOfRefs, Forge, repositoryKey, str } from './types';

export const bitbucketCloud: Forge = {
  id: 'bitbucketCloud',
  topic: 'bitbucketCloud.repo:push',
  pushedBranches(payload) {
    const repo = payload.repository;
    const repository =
      repositoryKey(repo?.links?.html?.href) ??
      (str(repo?.full_name)
        ? repositoryKey(`https://bitbucket.org/${repo.full_name}`)
        : undefined);
    if (!repository) return [];
    return branchesOfRefs(
      payload.push?.changes,
      // `new` is null when the branch or tag was deleted; its type 'tag' for a tag
      change =>
        change?.new?.type === 'branch' ? str(change.new.name) : undefined,
      {
        forge: 'bitbucketCloud',
        repository,
        // The webhook's repository names no main branch; the REST API's does.
        defaultBranch: str(repo?.mainbranch?.name),
      },
    );
  },
  // `…/<workspace>/<repo>/src/<branch>/<path>`; nothing after the repository, or `src` alone: its default branch.
  targetRef(rest) {
    if (rest.length === 0 || (rest.length === 1 && rest[0] === 'src'))
      return { kind: 'default' };
    if (rest[0] !== 'src') return undefined;
    return { kind: 'refAndPath', refAndPath: rest.slice(1).join('/') };
  },
};
