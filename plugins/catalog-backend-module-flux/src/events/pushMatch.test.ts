import { PUSH_TOPICS, pushedBranchesOf, pushMatchesTarget } from './pushMatch';
import {
  githubPush,
  gitlabPush,
  matches,
  NULL_SHA,
} from './__testUtils__/pushPayloads';

describe('PUSH_TOPICS', () => {
  it('names the push topic of every forge once', () => {
    expect(PUSH_TOPICS).toEqual([
      'github.push',
      'gitlab.push',
      'gitea',
      'bitbucketCloud.repo:push',
      'bitbucketServer.repo:refs_changed',
      'azureDevOps.git.push',
    ]);
  });
});

describe('pushedBranchesOf', () => {
  it('reads a GitHub push', () => {
    expect(
      pushedBranchesOf(githubPush('Acme/Platform', 'refs/heads/main')),
    ).toEqual([
      {
        forge: 'github',
        repository: 'github.com/acme/platform',
        branch: 'main',
        defaultBranch: 'main',
      },
    ]);
  });

  it('reads a GitHub Enterprise push on its own host', () => {
    expect(
      pushedBranchesOf(
        githubPush(
          'acme/platform',
          'refs/heads/main',
          {},
          'https://GHE.acme.io',
        ),
      ),
    ).toEqual([
      expect.objectContaining({ repository: 'ghe.acme.io/acme/platform' }),
    ]);
  });

  it('reads a GitLab push in a subgroup', () => {
    expect(
      pushedBranchesOf(
        gitlabPush('acme/infra/platform', 'refs/heads/release/1'),
      ),
    ).toEqual([
      {
        forge: 'gitlab',
        repository: 'gitlab.com/acme/infra/platform',
        branch: 'release/1',
        defaultBranch: 'main',
      },
    ]);
  });

  it('ignores tag pushes, deleted branches and other payloads', () => {
    const none = (event: Parameters<typeof pushedBranchesOf>[0]) =>
      expect(pushedBranchesOf(event)).toEqual([]);
    none(githubPush('acme/platform', 'refs/tags/v1.0.0'));
    none(githubPush('acme/platform', 'refs/heads/main', { deleted: true }));
    none(gitlabPush('acme/platform', 'refs/heads/main', { after: NULL_SHA }));
    none(gitlabPush('acme/platform', 'refs/tags/v1.0.0'));
    none({ topic: 'github.push', eventPayload: undefined });
    none({ topic: 'github.push', eventPayload: { ref: 'refs/heads/main' } });
    none({ topic: 'github.push', eventPayload: 'push' });
    none({
      topic: 'github.push',
      eventPayload: { ref: 'refs/heads/main', repository: { html_url: 7 } },
    });
    // a repository URL that is no web URL
    none({
      topic: 'github.push',
      eventPayload: {
        ref: 'refs/heads/main',
        repository: { html_url: 'git@github.com:acme/platform.git' },
      },
    });
  });

  it('ignores topics of no forge and never throws on a hostile payload', () => {
    const payload = githubPush('acme/platform', 'refs/heads/main').eventPayload;
    expect(
      pushedBranchesOf({ topic: 'github.pull_request', eventPayload: payload }),
    ).toEqual([]);
    const hostile = {
      get ref(): string {
        throw new Error('no ref');
      },
    };
    for (const topic of PUSH_TOPICS) {
      expect(pushedBranchesOf({ topic, eventPayload: hostile })).toEqual([]);
      expect(pushedBranchesOf({ topic, eventPayload: null })).toEqual([]);
      expect(pushedBranchesOf({ topic, eventPayload: [] })).toEqual([]);
    }
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

  it('matches GitHub Enterprise and self-hosted GitLab on their hosts only', () => {
    const ghe = githubPush(
      'acme/platform',
      'refs/heads/main',
      {},
      'https://ghe.acme.io',
    );
    expect(
      matches('https://ghe.acme.io/acme/platform/tree/main/clusters', ghe),
    ).toBe(true);
    expect(matches(github, ghe)).toBe(false);
    const selfHosted = gitlabPush(
      'acme/platform',
      'refs/heads/main',
      {},
      'https://gitlab.acme.io:8443',
    );
    expect(
      matches(
        'https://gitlab.acme.io:8443/acme/platform/-/tree/main/clusters',
        selfHosted,
      ),
    ).toBe(true);
    // another port is another server
    expect(
      matches(
        'https://gitlab.acme.io/acme/platform/-/tree/main/clusters',
        selfHosted,
      ),
    ).toBe(false);
  });

  it('matches a GitLab push to the target repository and branch', () => {
    expect(
      matches(gitlab, gitlabPush('acme/infra/platform', 'refs/heads/main')),
    ).toBe(true);
    // older GitLab URLs without '-'
    expect(
      matches(
        'https://gitlab.com/acme/infra/platform/tree/main/clusters',
        gitlabPush('acme/infra/platform', 'refs/heads/main'),
      ),
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
    // branch names are case-sensitive
    expect(
      matches(github, githubPush('acme/platform', 'refs/heads/Main')),
    ).toBe(false);
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
    // an encoded slash is the same branch
    expect(
      matches(
        'https://github.com/acme/platform/tree/release%2F2024/clusters',
        githubPush('acme/platform', 'refs/heads/release/2024'),
      ),
    ).toBe(true);
  });

  it('does not match a tag push', () => {
    expect(matches(github, githubPush('acme/platform', 'refs/tags/main'))).toBe(
      false,
    );
    expect(
      matches(gitlab, gitlabPush('acme/infra/platform', 'refs/tags/main')),
    ).toBe(false);
  });

  it('does not match a URL of another shape or of another forge', () => {
    const push = githubPush('acme/platform', 'refs/heads/main');
    expect(matches('https://github.com/acme/platform/commits/main', push)).toBe(
      false,
    );
    // a Gitea-shaped URL on github.com is no GitHub target
    expect(
      matches('https://github.com/acme/platform/src/branch/main', push),
    ).toBe(false);
    expect(matches('not a url', push)).toBe(false);
  });

  it('matches a target without a branch on a push to the default branch only', () => {
    const target = 'https://github.com/acme/platform';
    expect(
      matches(target, githubPush('acme/platform', 'refs/heads/main')),
    ).toBe(true);
    expect(matches(target, githubPush('acme/platform', 'refs/heads/dev'))).toBe(
      false,
    );
  });

  it('matches a target without a branch on any branch when the payload names no default branch', () => {
    const pushed = {
      forge: 'github' as const,
      repository: 'github.com/acme/platform',
      branch: 'dev',
    };
    expect(pushMatchesTarget('https://github.com/acme/platform', pushed)).toBe(
      true,
    );
    // a target naming a branch still needs that branch
    expect(pushMatchesTarget(github, pushed)).toBe(false);
  });

  it('never matches a local folder', () => {
    const push = githubPush('acme/platform', 'refs/heads/main');
    expect(matches('/srv/acme/platform', push)).toBe(false);
    expect(matches('./acme/platform', push)).toBe(false);
    expect(matches('file:///srv/acme/platform', push)).toBe(false);
  });
});
