import { pushedBranchesOf } from '../pushMatch';
import { bitbucketCloudPush, matches } from '../__testUtils__/pushPayloads';

describe('Bitbucket Cloud (topic bitbucketCloud.repo:push)', () => {
  const target = 'https://bitbucket.org/acme/platform/src/main/clusters';

  it('reads every pushed branch of a push, not its tags or deletions', () => {
    expect(
      pushedBranchesOf(
        bitbucketCloudPush('Acme/Platform', [
          ['branch', 'main'],
          ['tag', 'v1.2.0'],
          null,
          ['branch', 'feature/podinfo'],
        ]),
      ),
    ).toEqual([
      {
        forge: 'bitbucketCloud',
        repository: 'bitbucket.org/acme/platform',
        branch: 'main',
        defaultBranch: undefined,
      },
      {
        forge: 'bitbucketCloud',
        repository: 'bitbucket.org/acme/platform',
        branch: 'feature/podinfo',
        defaultBranch: undefined,
      },
    ]);
  });

  it('takes the repository from full_name when the payload has no html link', () => {
    const event = bitbucketCloudPush('acme/platform', [['branch', 'main']]);
    delete (event.eventPayload as any).repository.links;
    expect(pushedBranchesOf(event)).toEqual([
      expect.objectContaining({ repository: 'bitbucket.org/acme/platform' }),
    ]);
  });

  it('ignores payloads of another shape', () => {
    const event = bitbucketCloudPush('acme/platform', [['branch', 'main']]);
    for (const eventPayload of [
      { ...(event.eventPayload as object), push: { changes: 'main' } },
      { ...(event.eventPayload as object), push: undefined },
      { ...(event.eventPayload as object), repository: {} },
      { push: { changes: [{ new: { type: 'branch', name: 'main' } }] } },
    ]) {
      expect(pushedBranchesOf({ ...event, eventPayload })).toEqual([]);
    }
  });

  it('matches the target repository and branch, case and .git aside', () => {
    expect(
      matches(
        target,
        bitbucketCloudPush('acme/platform', [['branch', 'main']]),
      ),
    ).toBe(true);
    expect(
      matches(
        'https://bitbucket.org/ACME/Platform.git/src/main/',
        bitbucketCloudPush('acme/platform', [['branch', 'main']]),
      ),
    ).toBe(true);
  });

  it('matches when any branch of a multi-branch push is the target branch', () => {
    expect(
      matches(
        target,
        bitbucketCloudPush('acme/platform', [
          ['branch', 'dev'],
          ['branch', 'main'],
        ]),
      ),
    ).toBe(true);
    expect(
      matches(
        target,
        bitbucketCloudPush('acme/platform', [
          ['branch', 'dev'],
          ['tag', 'main'],
          null,
        ]),
      ),
    ).toBe(false);
  });

  it('matches branches with slashes on whole segments', () => {
    const slashed =
      'https://bitbucket.org/acme/platform/src/release/2024/clusters';
    expect(
      matches(
        slashed,
        bitbucketCloudPush('acme/platform', [['branch', 'release/2024']]),
      ),
    ).toBe(true);
    expect(
      matches(
        slashed,
        bitbucketCloudPush('acme/platform', [['branch', 'release/20']]),
      ),
    ).toBe(false);
  });

  it('matches a target without a branch on any pushed branch (the webhook names no main branch)', () => {
    for (const bare of [
      'https://bitbucket.org/acme/platform',
      'https://bitbucket.org/acme/platform/src/',
    ]) {
      expect(
        matches(bare, bitbucketCloudPush('acme/platform', [['branch', 'dev']])),
      ).toBe(true);
      expect(
        matches(bare, bitbucketCloudPush('acme/platform', [['tag', 'v1']])),
      ).toBe(false);
    }
  });

  it('does not match tags, deletions, other branches, repositories or hosts', () => {
    const no = (event: ReturnType<typeof bitbucketCloudPush>) =>
      expect(matches(target, event)).toBe(false);
    no(bitbucketCloudPush('acme/platform', [['tag', 'main']]));
    no(bitbucketCloudPush('acme/platform', [null]));
    no(bitbucketCloudPush('acme/platform', [['branch', 'mai']]));
    no(bitbucketCloudPush('acme/platform-2', [['branch', 'main']]));
    no(bitbucketCloudPush('other/platform', [['branch', 'main']]));
    // the same path on GitHub
    expect(
      matches(
        'https://github.com/acme/platform/tree/main/clusters',
        bitbucketCloudPush('acme/platform', [['branch', 'main']]),
      ),
    ).toBe(false);
    // a page that is no source tree
    expect(
      matches(
        'https://bitbucket.org/acme/platform/commits/main',
        bitbucketCloudPush('acme/platform', [['branch', 'main']]),
      ),
    ).toBe(false);
  });
});
