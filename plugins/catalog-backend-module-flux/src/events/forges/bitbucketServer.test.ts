import { pushedBranchesOf } from '../pushMatch';
import { bitbucketServerPush, matches } from '../__testUtils__/pushPayloads';

describe('Bitbucket Server / Data Center (topic bitbucketServer.repo:refs_changed)', () => {
  const base = 'https://bitbucket.example.com';
  const target = `${base}/projects/ACME/repos/platform/browse/clusters?at=refs%2Fheads%2Fmain`;

  it('reads every added or updated branch of a push, not its tags or deletions', () => {
    expect(
      pushedBranchesOf(
        bitbucketServerPush('ACME', 'platform', [
          ['refs/heads/main', 'UPDATE'],
          ['refs/tags/v1.2.0', 'ADD'],
          ['refs/heads/old', 'DELETE'],
          ['refs/heads/feature/podinfo', 'ADD'],
        ]),
      ),
    ).toEqual([
      {
        forge: 'bitbucketServer',
        repository: 'bitbucket.example.com/projects/acme/repos/platform',
        branch: 'main',
      },
      {
        forge: 'bitbucketServer',
        repository: 'bitbucket.example.com/projects/acme/repos/platform',
        branch: 'feature/podinfo',
      },
    ]);
  });

  it('takes the repository from the HTTP clone link when there is no browse link', () => {
    const event = bitbucketServerPush(
      'ACME',
      'platform',
      [['refs/heads/main', 'UPDATE']],
      'https://code.acme.io/bitbucket',
    );
    delete (event.eventPayload as any).repository.links.self;
    expect(pushedBranchesOf(event)).toEqual([
      expect.objectContaining({
        repository: 'code.acme.io/bitbucket/projects/acme/repos/platform',
      }),
    ]);
  });

  it('ignores payloads of another shape', () => {
    const event = bitbucketServerPush('ACME', 'platform', [
      ['refs/heads/main', 'UPDATE'],
    ]);
    const payload = event.eventPayload as any;
    for (const eventPayload of [
      { ...payload, changes: undefined },
      { ...payload, repository: { slug: 'platform' } },
      {
        ...payload,
        repository: { links: { self: [{ href: `${base}/projects/ACME` }] } },
      },
      { ...payload, changes: [{ ref: { id: 'main', type: 'BRANCH' } }] },
    ]) {
      expect(pushedBranchesOf({ ...event, eventPayload })).toEqual([]);
    }
  });

  it('matches the target repository and branch of `at`, case aside', () => {
    const push = bitbucketServerPush('ACME', 'platform', [
      ['refs/heads/main', 'UPDATE'],
    ]);
    expect(matches(target, push)).toBe(true);
    expect(
      matches(
        `${base}/projects/acme/repos/Platform/browse?at=refs/heads/main`,
        push,
      ),
    ).toBe(true);
    // a short branch name in `at`
    expect(
      matches(
        `${base}/projects/ACME/repos/platform/browse/clusters?at=main`,
        push,
      ),
    ).toBe(true);
  });

  it('matches a personal repository and a server under a context path', () => {
    const personal = bitbucketServerPush('~JDOE', 'platform', [
      ['refs/heads/main', 'UPDATE'],
    ]);
    (personal.eventPayload as any).repository.links.self = [
      { href: `${base}/users/jdoe/repos/platform/browse` },
    ];
    expect(
      matches(
        `${base}/users/jdoe/repos/platform/browse/clusters?at=main`,
        personal,
      ),
    ).toBe(true);
    const context = 'https://code.acme.io/bitbucket';
    const push = bitbucketServerPush(
      'ACME',
      'platform',
      [['refs/heads/main', 'UPDATE']],
      context,
    );
    expect(
      matches(
        `${context}/projects/ACME/repos/platform/browse?at=refs%2Fheads%2Fmain`,
        push,
      ),
    ).toBe(true);
    expect(
      matches(
        'https://code.acme.io/projects/ACME/repos/platform/browse?at=main',
        push,
      ),
    ).toBe(false);
  });

  it('matches when any branch of a multi-ref push is the target branch', () => {
    expect(
      matches(
        target,
        bitbucketServerPush('ACME', 'platform', [
          ['refs/heads/dev', 'UPDATE'],
          ['refs/heads/main', 'UPDATE'],
        ]),
      ),
    ).toBe(true);
  });

  it('matches a branch with slashes exactly', () => {
    const slashed = `${base}/projects/ACME/repos/platform/browse/clusters?at=refs%2Fheads%2Frelease%2F2024`;
    expect(
      matches(
        slashed,
        bitbucketServerPush('ACME', 'platform', [
          ['refs/heads/release/2024', 'UPDATE'],
        ]),
      ),
    ).toBe(true);
    expect(
      matches(
        slashed,
        bitbucketServerPush('ACME', 'platform', [
          ['refs/heads/release', 'UPDATE'],
        ]),
      ),
    ).toBe(false);
  });

  it('matches a target without `at` on any pushed branch (the webhook names no default branch)', () => {
    const bare = `${base}/projects/ACME/repos/platform/browse/clusters`;
    expect(
      matches(
        bare,
        bitbucketServerPush('ACME', 'platform', [['refs/heads/dev', 'UPDATE']]),
      ),
    ).toBe(true);
    expect(
      matches(
        bare,
        bitbucketServerPush('ACME', 'platform', [['refs/tags/v1', 'ADD']]),
      ),
    ).toBe(false);
  });

  it('does not match tags, deletions, other branches, repositories or refs', () => {
    const no = (t: string, event: ReturnType<typeof bitbucketServerPush>) =>
      expect(matches(t, event)).toBe(false);
    no(
      target,
      bitbucketServerPush('ACME', 'platform', [['refs/tags/main', 'ADD']]),
    );
    no(
      target,
      bitbucketServerPush('ACME', 'platform', [['refs/heads/main', 'DELETE']]),
    );
    no(
      target,
      bitbucketServerPush('ACME', 'platform', [['refs/heads/dev', 'UPDATE']]),
    );
    no(
      target,
      bitbucketServerPush('ACME', 'other', [['refs/heads/main', 'UPDATE']]),
    );
    no(
      target,
      bitbucketServerPush('OPS', 'platform', [['refs/heads/main', 'UPDATE']]),
    );
    const push = bitbucketServerPush('ACME', 'platform', [
      ['refs/heads/main', 'UPDATE'],
    ]);
    // a tag or commit in `at`, another page of the repository
    no(
      `${base}/projects/ACME/repos/platform/browse?at=refs%2Ftags%2Fmain`,
      push,
    );
    no(`${base}/projects/ACME/repos/platform/browse?at=9a8b7c6d`, push);
    no(`${base}/projects/ACME/repos/platform/commits?at=main`, push);
  });
});
