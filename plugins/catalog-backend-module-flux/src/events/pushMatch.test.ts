import { pushedBranchOf, pushMatchesTarget } from './pushMatch';

/** The fields of a GitHub push webhook payload (topic `github.push`) the matcher reads. */
function githubPush(fullName: string, ref: string, extra: object = {}) {
  return {
    ref,
    before: 'a'.repeat(40),
    after: 'b'.repeat(40),
    deleted: false,
    repository: {
      full_name: fullName,
      html_url: `https://github.com/${fullName}`,
      clone_url: `https://github.com/${fullName}.git`,
      default_branch: 'main',
    },
    ...extra,
  };
}

/** The fields of a GitLab push webhook payload (topic `gitlab.push`). */
function gitlabPush(
  pathWithNamespace: string,
  ref: string,
  extra: object = {},
) {
  return {
    object_kind: 'push',
    ref,
    before: 'a'.repeat(40),
    after: 'b'.repeat(40),
    project: {
      path_with_namespace: pathWithNamespace,
      web_url: `https://gitlab.com/${pathWithNamespace}`,
      default_branch: 'main',
    },
    repository: { homepage: `https://gitlab.com/${pathWithNamespace}` },
    ...extra,
  };
}

function matches(target: string, payload: unknown): boolean {
  const pushed = pushedBranchOf(payload);
  return pushed !== undefined && pushMatchesTarget(target, pushed);
}

describe('pushedBranchOf', () => {
  it('reads a GitHub push', () => {
    expect(
      pushedBranchOf(githubPush('Acme/Platform', 'refs/heads/main')),
    ).toEqual({
      repository: 'github.com/acme/platform',
      branch: 'main',
      defaultBranch: 'main',
    });
  });

  it('reads a GitLab push in a subgroup', () => {
    expect(
      pushedBranchOf(gitlabPush('acme/infra/platform', 'refs/heads/release/1')),
    ).toEqual({
      repository: 'gitlab.com/acme/infra/platform',
      branch: 'release/1',
      defaultBranch: 'main',
    });
  });

  it('ignores tag pushes, deleted branches and other payloads', () => {
    expect(
      pushedBranchOf(githubPush('acme/platform', 'refs/tags/v1.0.0')),
    ).toBeUndefined();
    expect(
      pushedBranchOf(
        githubPush('acme/platform', 'refs/heads/main', { deleted: true }),
      ),
    ).toBeUndefined();
    expect(
      pushedBranchOf(
        gitlabPush('acme/platform', 'refs/heads/main', {
          after: '0'.repeat(40),
        }),
      ),
    ).toBeUndefined();
    expect(pushedBranchOf(undefined)).toBeUndefined();
    expect(pushedBranchOf({ ref: 'refs/heads/main' })).toBeUndefined();
    expect(pushedBranchOf('push')).toBeUndefined();
  });
});

describe('pushMatchesTarget', () => {
  const github = 'https://github.com/acme/platform/tree/main/clusters';
  const gitlab = 'https://gitlab.com/acme/infra/platform/-/tree/main/clusters';

  it('matches a GitHub push to the target repository and branch', () => {
    expect(
      matches(github, githubPush('acme/platform', 'refs/heads/main')),
    ).toBe(true);
    // names are case-insensitive on GitHub; blob URLs and .git are the same repository
    expect(
      matches(github, githubPush('Acme/Platform', 'refs/heads/main')),
    ).toBe(true);
    expect(
      matches(
        'https://github.com/acme/platform.git/blob/main/',
        githubPush('acme/platform', 'refs/heads/main'),
      ),
    ).toBe(true);
  });

  it('matches a GitLab push to the target repository and branch', () => {
    expect(
      matches(gitlab, gitlabPush('acme/infra/platform', 'refs/heads/main')),
    ).toBe(true);
  });

  it('does not match another repository', () => {
    expect(matches(github, githubPush('acme/other', 'refs/heads/main'))).toBe(
      false,
    );
    expect(
      matches(github, githubPush('other/platform', 'refs/heads/main')),
    ).toBe(false);
    expect(
      matches(github, githubPush('acme/platform-2', 'refs/heads/main')),
    ).toBe(false);
    // the same path on another host
    expect(
      matches(github, gitlabPush('acme/platform', 'refs/heads/main')),
    ).toBe(false);
    // a parent group is not the repository
    expect(matches(gitlab, gitlabPush('acme/infra', 'refs/heads/main'))).toBe(
      false,
    );
  });

  it('does not match another branch', () => {
    expect(matches(github, githubPush('acme/platform', 'refs/heads/dev'))).toBe(
      false,
    );
    expect(matches(github, githubPush('acme/platform', 'refs/heads/mai'))).toBe(
      false,
    );
    expect(
      matches(gitlab, gitlabPush('acme/infra/platform', 'refs/heads/feature')),
    ).toBe(false);
  });

  it('matches branches with slashes on whole segments', () => {
    const target =
      'https://github.com/acme/platform/tree/release/2024/clusters';
    expect(
      matches(target, githubPush('acme/platform', 'refs/heads/release/2024')),
    ).toBe(true);
    expect(
      matches(target, githubPush('acme/platform', 'refs/heads/release/20')),
    ).toBe(false);
  });

  it('does not match a tag push', () => {
    expect(matches(github, githubPush('acme/platform', 'refs/tags/main'))).toBe(
      false,
    );
    expect(
      matches(gitlab, gitlabPush('acme/infra/platform', 'refs/tags/main')),
    ).toBe(false);
  });

  it('matches a target without a branch on a push to the default branch only', () => {
    const target = 'https://github.com/acme/platform';
    expect(
      matches(target, githubPush('acme/platform', 'refs/heads/main')),
    ).toBe(true);
    expect(matches(target, githubPush('acme/platform', 'refs/heads/dev'))).toBe(
      false,
    );
    const unknownDefault = githubPush('acme/platform', 'refs/heads/main');
    delete (unknownDefault.repository as any).default_branch;
    expect(matches(target, unknownDefault)).toBe(false);
  });

  it('never matches a local folder', () => {
    const push = githubPush('acme/platform', 'refs/heads/main');
    expect(matches('/srv/acme/platform', push)).toBe(false);
    expect(matches('./acme/platform', push)).toBe(false);
    expect(matches('file:///srv/acme/platform', push)).toBe(false);
  });
});
