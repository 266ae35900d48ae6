/**
 * Azure DevOps: `@backstage/plugin-events-backend-module-azure` routes the
 * events of topic `azureDevOps` by their `eventType`: a push arrives on
 * `azureDevOps.git.push`, one `resource.refUpdates[]` entry per ref (a
 * deleted ref's `newObjectId` is all zeros).
 */
import {
  branchesOfRefs,
  branchOfRef,
  Forge,
  isNullCommit,
  repositoryKey,
  str,
} from './types';

/** The segments up to `…/_git/<repo>` (organization or collection and project before it). */
function upToRepo(segments: string[]): string[] | undefined {
  const git = segments.indexOf('_git');
  return git >= 1 && git + 1 < segments.length
    ? segments.slice(0, git + 2)
    : undefined;
}

export const azureDevOps: Forge = {
  id: 'azureDevOps',
  topic: 'azureDevOps.git.push',
  pushedBranches(payload) {
    const repo = payload.resource?.repository;
    const repository =
      repositoryKey(repo?.remoteUrl, upToRepo) ??
      repositoryKey(repo?.webUrl, upToRepo);
    if (!repository) return [];
    return branchesOfRefs(
      payload.resource?.refUpdates,
      update =>
        isNullCommit(update?.newObjectId)
          ? undefined
          : branchOfRef(update?.name), // all zeros: deleted
      {
        forge: 'azureDevOps',
        repository,
        defaultBranch: branchOfRef(repo?.defaultBranch),
      },
    );
  },
  // `…/_git/<repo>?path=/<path>&version=GB<branch>`; without `version`: the default branch; `GT` (tag) and `GC` (commit) name no branch.
  targetRef(rest, query) {
    if (rest.length > 0) return undefined;
    const version = str(query.get('version'));
    if (!version) return { kind: 'default' };
    const branch = version.startsWith('GB') ? str(version.slice(2)) : undefined;
    return branch ? { kind: 'branch', branch } : undefined;
  },
};
