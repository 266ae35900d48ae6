import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { fluxEntitySuspendPermission } from '@flux-portal/plugin-flux-common';
import defaultModule, { createFluxPermissionPolicyModule } from './index';

const member = {
  info: {
    userEntityRef: 'user:default/a',
    ownershipEntityRefs: ['user:default/a', 'group:default/platform-team'],
  },
} as PolicyQueryUser;

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
});

/** Starts a backend with the module; resolves with the policy it installed. */
async function installedPolicy(
  module: typeof defaultModule,
  flux: object,
): Promise<PermissionPolicy> {
  let installed: PermissionPolicy | undefined;
  await startTestBackend({
    extensionPoints: [
      [policyExtensionPoint, { setPolicy: p => (installed = p) }],
    ],
    features: [module, mockServices.rootConfig.factory({ data: { flux } })],
  });
  return installed!;
}

describe('the Flux permission policy module', () => {
  it('installs the policy with the admin groups of flux.adminGroups, other permissions allowed', async () => {
    const policy = await installedPolicy(defaultModule, {
      adminGroups: ['group:default/platform-team'],
    });
    expect(
      await policy.handle({ permission: fluxEntitySuspendPermission }, member),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await policy.handle({ permission: catalogRead }, member)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it("leaves other permissions to the portal's otherwise", async () => {
    const policy = await installedPolicy(
      createFluxPermissionPolicyModule({
        otherwise: async () => ({ result: AuthorizeResult.DENY }),
      }),
      {},
    );
    expect(await policy.handle({ permission: catalogRead }, member)).toEqual({
      result: AuthorizeResult.DENY,
    });
    // without admin groups, acting is for owners only
    expect(
      (await policy.handle({ permission: fluxEntitySuspendPermission }, member))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('stops the backend on bad admin groups', async () => {
    await expect(
      installedPolicy(defaultModule, { adminGroups: ['platform-team'] }),
    ).rejects.toThrow('flux.adminGroups[0] must be a group ref');
  });
});
