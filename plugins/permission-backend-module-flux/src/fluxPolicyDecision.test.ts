import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  fluxEntityReadPermission,
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
} from '@flux-portal/plugin-flux-common';
import { fluxPolicyDecision } from './fluxPolicyDecision';
import { FluxPermissionPolicy } from './FluxPermissionPolicy';

const user = (ownershipEntityRefs: string[]) =>
  ({
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    identity: {} as any,
    token: 't',
    credentials: {} as any,
  } as any);

describe('fluxPolicyDecision', () => {
  it('lets signed-in users read and denies anonymous callers', () => {
    expect(
      fluxPolicyDecision(
        { permission: fluxEntityReadPermission },
        user(['user:default/a']),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      fluxPolicyDecision({ permission: fluxEntityReadPermission }, undefined),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      fluxPolicyDecision(
        { permission: fluxEntityReconcilePermission },
        undefined,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('makes actions conditional on owning the entity, with the user and their groups as claims', () => {
    for (const permission of [
      fluxEntityReconcilePermission,
      fluxEntitySuspendPermission,
    ]) {
      expect(
        fluxPolicyDecision(
          { permission },
          user(['user:default/a', 'group:default/team-a']),
        ),
      ).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: ['user:default/a', 'group:default/team-a'] },
        },
      });
    }
  });

  it('allows admin group members on everything', () => {
    expect(
      fluxPolicyDecision(
        { permission: fluxEntitySuspendPermission },
        user(['user:default/a', 'group:default/platform-team']),
        { adminGroups: ['group:default/platform-team'] },
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies flux permissions it does not know and leaves other plugins to the caller', () => {
    const future = createPermission({
      name: 'flux.cluster.delete',
      attributes: { action: 'delete' },
    });
    expect(
      fluxPolicyDecision({ permission: future }, user(['user:default/a'])),
    ).toEqual({ result: AuthorizeResult.DENY });
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(
      fluxPolicyDecision({ permission: catalogRead }, user(['user:default/a'])),
    ).toBeUndefined();
  });
});

describe('FluxPermissionPolicy', () => {
  const catalogRead = createPermission({
    name: 'catalog.entity.read',
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  });

  it('decides flux permissions itself and leaves the others to otherwise (default: allow)', async () => {
    const someone = user(['user:default/a']);
    expect(
      await new FluxPermissionPolicy().handle(
        { permission: catalogRead },
        someone,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    const strict = new FluxPermissionPolicy({
      otherwise: async () => ({ result: AuthorizeResult.DENY }),
    });
    expect(await strict.handle({ permission: catalogRead }, someone)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(
      await strict.handle({ permission: fluxEntityReadPermission }, someone),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
