import { pushedBranchesOf } from '../pushMatch';
import {
  azureDevOpsPush,
  matches,
  NULL_SHA,
} from '../__testUtils__/pushPayloads';

describe('Azure DevOps (topic azureDevOps.git.push)', () => {
  const remote = 'https://dev.azure.com/acme/Infra/_git/platform';
  const target = `${remote}?path=/clusters/production&version=GBmain`;

  it('reads every pushed branch of a push, not its tags or deletions', () => {
    expect(
      pushedBranchesOf(
        azureDevOpsPush(remote, [
          ['refs/heads/main'],
          ['refs/tags/v1.2.0'],
          ['refs/heads/old', NULL_SHA],
          ['refs/heads/feature/podinfo'],
        ]),
      ),
    ).toEqual([
      {
        forge: 'azureDevOps',
        repository: 'dev.azure.com/acme/infra/_git/platform',
        branch: 'main',
        defaultBranch: 'main',
      },
      {
        forge: 'azureDevOps',
        repository: 'dev.azure.com/acme/infra/_git/platform',
        branch: 'feature/podinfo',
        defaultBranch: 'main',
      },
    ]);
  });

  it('reads a remote URL with the organization as user and a project name with spaces', () => {
    expect(
      pushedBranchesOf(
        azureDevOpsPush(
          'https://acme@dev.azure.com/acme/Flux%20Infra/_git/platform',
          [['refs/heads/main']],
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        repository: 'dev.azure.com/acme/flux infra/_git/platform',
      }),
    ]);
  });

  it('ignores payloads of another shape', () => {
    const event = azureDevOpsPush(remote, [['refs/heads/main']]);
    const payload = event.eventPayload as any;
    for (const eventPayload of [
      { ...payload, resource: undefined },
      { ...payload, resource: { ...payload.resource, refUpdates: {} } },
      {
        ...payload,
        resource: {
          ...payload.resource,
          repository: { remoteUrl: 'https://dev.azure.com/acme/Infra' },
        },
      },
    ]) {
      expect(pushedBranchesOf({ ...event, eventPayload })).toEqual([]);
    }
  });

  it('matches the target repository and branch, case aside', () => {
    const push = azureDevOpsPush(remote, [['refs/heads/main']]);
    expect(matches(target, push)).toBe(true);
    expect(
      matches(
        'https://dev.azure.com/ACME/infra/_git/Platform?version=GBmain&path=/clusters',
        push,
      ),
    ).toBe(true);
    expect(
      matches(
        'https://dev.azure.com/acme/Flux%20Infra/_git/platform?path=/&version=GBmain',
        azureDevOpsPush(
          'https://acme@dev.azure.com/acme/Flux%20Infra/_git/platform',
          [['refs/heads/main']],
        ),
      ),
    ).toBe(true);
  });

  it('matches an Azure DevOps Server collection and a visualstudio.com organization', () => {
    const server =
      'https://tfs.acme.io/tfs/DefaultCollection/Infra/_git/platform';
    expect(
      matches(
        `${server}?path=/clusters&version=GBmain`,
        azureDevOpsPush(server, [['refs/heads/main']]),
      ),
    ).toBe(true);
    const vs = 'https://acme.visualstudio.com/Infra/_git/platform';
    expect(
      matches(
        `${vs}?path=/clusters&version=GBmain`,
        azureDevOpsPush(vs, [['refs/heads/main']]),
      ),
    ).toBe(true);
    expect(matches(target, azureDevOpsPush(vs, [['refs/heads/main']]))).toBe(
      false,
    );
  });

  it('matches when any branch of a multi-ref push is the target branch', () => {
    expect(
      matches(
        target,
        azureDevOpsPush(remote, [['refs/heads/dev'], ['refs/heads/main']]),
      ),
    ).toBe(true);
  });

  it('matches a branch with slashes exactly', () => {
    const slashed = `${remote}?path=/clusters&version=GBrelease/2024`;
    expect(
      matches(slashed, azureDevOpsPush(remote, [['refs/heads/release/2024']])),
    ).toBe(true);
    expect(
      matches(
        `${remote}?path=/clusters&version=GBrelease%2F2024`,
        azureDevOpsPush(remote, [['refs/heads/release/2024']]),
      ),
    ).toBe(true);
    expect(
      matches(slashed, azureDevOpsPush(remote, [['refs/heads/release']])),
    ).toBe(false);
  });

  it('matches a target without a version on a push to the default branch only', () => {
    const bare = `${remote}?path=/clusters`;
    expect(matches(bare, azureDevOpsPush(remote, [['refs/heads/main']]))).toBe(
      true,
    );
    expect(
      matches(remote, azureDevOpsPush(remote, [['refs/heads/main']])),
    ).toBe(true);
    expect(matches(bare, azureDevOpsPush(remote, [['refs/heads/dev']]))).toBe(
      false,
    );
    expect(
      matches(
        bare,
        azureDevOpsPush(remote, [['refs/heads/dev']], 'refs/heads/dev'),
      ),
    ).toBe(true);
  });

  it('does not match tags, deletions, other branches, repositories or versions', () => {
    const no = (t: string, event: ReturnType<typeof azureDevOpsPush>) =>
      expect(matches(t, event)).toBe(false);
    no(target, azureDevOpsPush(remote, [['refs/tags/main']]));
    no(target, azureDevOpsPush(remote, [['refs/heads/main', NULL_SHA]]));
    no(target, azureDevOpsPush(remote, [['refs/heads/dev']]));
    no(
      target,
      azureDevOpsPush('https://dev.azure.com/acme/Infra/_git/other', [
        ['refs/heads/main'],
      ]),
    );
    no(
      target,
      azureDevOpsPush('https://dev.azure.com/acme/Apps/_git/platform', [
        ['refs/heads/main'],
      ]),
    );
    const push = azureDevOpsPush(remote, [['refs/heads/main']]);
    // a tag or a commit as version, another page of the repository
    no(`${remote}?path=/clusters&version=GTmain`, push);
    no(`${remote}?path=/clusters&version=GC9a8b7c6d`, push);
    no(`${remote}/commits?version=GBmain`, push);
  });
});
