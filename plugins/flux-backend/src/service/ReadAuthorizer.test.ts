import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReadAuthorizer } from './ReadAuthorizer';

/** A permissions service that allows refs containing 'ok' and records its calls. */
function recordingPermissions() {
  const calls: string[][] = [];
  const service = {
    async authorize(requests: any[]) {
      calls.push(requests.map(r => r.resourceRef));
      return requests.map(r => ({
        result: r.resourceRef.includes('ok')
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
    async authorizeConditional() {
      throw new Error('not used');
    },
  } as unknown as PermissionsService;
  return { service, calls };
}

describe('ReadAuthorizer', () => {
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');

  it('decides the requests of one caller waiting at once in one call, and keeps denials', async () => {
    const { service, calls } = recordingPermissions();
    const reads = new ReadAuthorizer(service);
    const answers = await Promise.all([
      reads.canRead(alice, 'component:default/ok-1'),
      reads.canRead(alice, 'component:default/ok-2'),
      reads.canRead(alice, 'component:default/secret'),
      reads.canRead(alice, 'component:default/ok-1'),
      reads.canRead(bob, 'component:default/ok-1'),
    ]);
    expect(answers).toEqual([true, true, false, true, true]);
    expect(calls).toEqual([
      [
        'component:default/ok-1',
        'component:default/ok-2',
        'component:default/secret',
      ],
      ['component:default/ok-1'],
    ]);
  });

  it('reuses a decision per caller and entity for its time to live, then asks again', async () => {
    const { service, calls } = recordingPermissions();
    const reads = new ReadAuthorizer(service, 50);
    await reads.canRead(alice, 'component:default/ok');
    await reads.canRead(alice, 'component:default/ok');
    expect(calls).toHaveLength(1);
    await new Promise(r => setTimeout(r, 60));
    await reads.canRead(alice, 'component:default/ok');
    expect(calls).toHaveLength(2);
  });

  it('passes a failing permission backend on to every waiting request', async () => {
    const service = {
      authorize: async () => {
        throw new Error('permission backend down');
      },
    } as unknown as PermissionsService;
    const reads = new ReadAuthorizer(service);
    await expect(
      Promise.all([reads.canRead(alice, 'a'), reads.canRead(alice, 'b')]),
    ).rejects.toThrow('permission backend down');
  });
});
