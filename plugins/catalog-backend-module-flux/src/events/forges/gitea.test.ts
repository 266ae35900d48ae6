import { pushedBranchesOf } from '../pushMatch';
import { giteaPush, matches, NULL_SHA } from '../__testUtils__/pushPayloads';

describe('Gitea (topic gitea, through the HTTP ingress)', () => {
  const target =
    'https://gitea.example.com/acme/platform/src/branch/main/clusters/production';

  it('reads a push when the X-Gitea-Event header says push', () => {
    expect(
      pushedBranchesOf(giteaPush('Acme/Platform', 'refs/heads/main')),
    ).toEqual([
      {
        forge: 'gitea',
        repository: 'gitea.example.com/acme/platform',
        branch: 'main',
        defaultBranch: 'main',
      },
    ]);
  });

  it('ignores the other events of the gitea topic and events without the header', () => {
    for (const event of ['create', 'delete', 'pull_request', 'release']) {
      expect(
        pushedBranchesOf(
          giteaPush('acme/platform', 'refs/heads/main', { event }),
        ),
      ).toEqual([]);
    }
    const noHeaders = giteaPush('acme/platform', 'refs/heads/main');
    delete noHeaders.metadata;
    expect(pushedBranchesOf(noHeaders)).toEqual([]);
    // a header given twice counts by its first value
    const twice = giteaPush('acme/platform', 'refs/heads/main');
    twice.metadata!['x-gitea-event'] = ['push', 'push'];
    expect(pushedBranchesOf(twice)).toHaveLength(1);
  });

  it('matches the target repository and branch', () => {
    expect(matches(target, giteaPush('acme/platform', 'refs/heads/main'))).toBe(
      true,
    );
    // case and .git do not matter
    expect(
      matches(
        'https://Gitea.Example.com/ACME/platform.git/src/branch/main/',
        giteaPush('acme/Platform', 'refs/heads/main'),
      ),
    ).toBe(true);
  });

  it('matches a Gitea served under a sub-path and on a port', () => {
    const base = 'https://code.acme.io:3000/gitea';
    expect(
      matches(
        `${base}/acme/platform/src/branch/main/clusters`,
        giteaPush('acme/platform', 'refs/heads/main', { base }),
      ),
    ).toBe(true);
    expect(
      matches(
        'https://code.acme.io:3000/acme/platform/src/branch/main/clusters',
        giteaPush('acme/platform', 'refs/heads/main', { base }),
      ),
    ).toBe(false);
  });

  it('matches branches with slashes on whole segments', () => {
    const slashed =
      'https://gitea.example.com/acme/platform/src/branch/env/prod/clusters';
    expect(
      matches(slashed, giteaPush('acme/platform', 'refs/heads/env/prod')),
    ).toBe(true);
    expect(matches(slashed, giteaPush('acme/platform', 'refs/heads/env'))).toBe(
      true, // `env` reading `prod/clusters` is a target of branch env as well
    );
    expect(
      matches(slashed, giteaPush('acme/platform', 'refs/heads/env/pro')),
    ).toBe(false);
  });

  it('matches a target without a branch on a push to the default branch only', () => {
    const bare = 'https://gitea.example.com/acme/platform';
    expect(matches(bare, giteaPush('acme/platform', 'refs/heads/main'))).toBe(
      true,
    );
    expect(matches(bare, giteaPush('acme/platform', 'refs/heads/dev'))).toBe(
      false,
    );
  });

  it('does not match deletions, tags, other branches, repositories or URL shapes', () => {
    const no = (t: string, event: ReturnType<typeof giteaPush>) =>
      expect(matches(t, event)).toBe(false);
    no(
      target,
      giteaPush('acme/platform', 'refs/heads/main', {
        extra: { after: NULL_SHA },
      }),
    );
    no(
      target,
      giteaPush('acme/platform', 'refs/heads/main', {
        extra: { deleted: true },
      }),
    );
    no(target, giteaPush('acme/platform', 'refs/tags/main'));
    no(target, giteaPush('acme/platform', 'refs/heads/dev'));
    no(target, giteaPush('acme/other', 'refs/heads/main'));
    no(
      target,
      giteaPush('acme/platform', 'refs/heads/main', {
        base: 'https://gitea.other.io',
      }),
    );
    // a tag or commit URL, a GitHub-shaped URL
    const push = giteaPush('acme/platform', 'refs/heads/main');
    no('https://gitea.example.com/acme/platform/src/tag/main/clusters', push);
    no(
      'https://gitea.example.com/acme/platform/src/commit/main/clusters',
      push,
    );
    no('https://gitea.example.com/acme/platform/tree/main/clusters', push);
    no('/srv/gitea/acme/platform', push);
  });
});
