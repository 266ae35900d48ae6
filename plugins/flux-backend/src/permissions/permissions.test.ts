/*
 * Permissions end to end, with real Backstage pieces: the permission
 * backend running FluxPermissionPolicy, the catalog backend
 * resolving the ownership condition, the flux backend acting on a
 * simulated cluster, and the auditor recording each attempt.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createBackendModule,
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  entityActionImpactPath,
  entityActionPath,
  entityStatusPath,
  fluxApiVersionOf,
} from '@flux-portal/plugin-flux-common';
import { ClusterSimulator } from '@flux-portal/cluster-simulator';
import fluxPlugin from '../index';
import { createFluxPermissionPolicyModule } from '@flux-portal/plugin-permission-backend-module-flux';
import {
  eventually,
  exampleEntities,
  kubernetesConfig,
  startExampleCluster,
} from '../__testUtils__/exampleCluster';

jest.setTimeout(90000);

/**
 * Backstage's mock auth turns a plugin's on-behalf-of token back into the
 * bare user, while real auth keeps the acting plugin as `actor`, which the
 * catalog's apply-conditions endpoint requires. This restores the actor.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    const prefix = 'mock-service-token:';
    return {
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      isPrincipal: inner.isPrincipal.bind(inner) as typeof inner.isPrincipal,
      getPluginRequestToken: options => inner.getPluginRequestToken(options),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async authenticate(token: string, options?: any) {
        const credentials: any = await inner.authenticate(token, options);
        if (token.startsWith(prefix) && credentials.principal.type === 'user') {
          const { sub } = JSON.parse(token.slice(prefix.length));
          return {
            ...credentials,
            principal: {
              ...credentials.principal,
              actor: { type: 'service', subject: sub ?? 'external:test' },
            },
          };
        }
        return credentials;
      },
    } as typeof inner;
  },
});

function entitiesModule(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'flux-test-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'flux-test-entities',
            async connect(connection) {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'flux-test-entities',
                })),
              });
            },
          });
        },
      });
    },
  });
}

describe('flux permissions', () => {
  let sim: ClusterSimulator;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let base: string;
  let owned: Entity;
  let foreign: Entity;
  const auditEvents: Array<{
    eventId: string;
    meta?: any;
    outcome?: string;
    error?: string;
    user?: string;
  }> = [];

  beforeAll(async () => {
    ({ sim } = await startExampleCluster());
    const candidates = (await exampleEntities()).filter(
      e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    );
    owned = {
      ...candidates[0],
      spec: { ...candidates[0].spec, owner: 'user:default/alice' },
    };
    foreign = {
      ...candidates[1],
      spec: { ...candidates[1].spec, owner: 'group:default/team-b' },
    };
    const auditor = mockServices.auditor.mock({
      createEvent: async options => {
        const record: (typeof auditEvents)[number] = {
          eventId: options.eventId,
          meta: options.meta,
        };
        const authorization = options.request?.headers.authorization;
        record.user =
          ['alice', 'bob'].find(name => authorization?.includes(name)) ??
          'other';
        auditEvents.push(record);
        return {
          success: async () => {
            record.outcome = 'succeeded';
          },
          fail: async ({ error }) => {
            record.outcome = 'failed';
            record.error = error.message;
          },
        };
      },
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        entitiesModule([owned, foreign]),
        permissionPlugin,
        createFluxPermissionPolicyModule(),
        fluxPlugin,
        auditor.factory,
        authWithActors,
        // the real HTTP auth, reading tokens through authWithActors
        httpAuthServiceFactory,
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            ...kubernetesConfig([
              { name: 'contour', url: sim.url, token: sim.token },
            ]),
            flux: {
              requestTimeoutMs: 2000,
              adminGroups: ['group:default/platform-team'],
            },
          },
        }),
        // bob is a member of the platform team (an admin group of the policy)
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            async getUserInfo(credentials: any) {
              const userEntityRef = credentials.principal.userEntityRef;
              return {
                userEntityRef,
                ownershipEntityRefs:
                  userEntityRef === 'user:default/bob'
                    ? [userEntityRef, 'group:default/platform-team']
                    : [userEntityRef],
              };
            },
          }),
        }),
      ],
    });
    const address = backend.server.address();
    base = `http://127.0.0.1:${
      typeof address === 'object' && address ? address.port : 0
    }/api`;
    // wait until the catalog stitched the ownership relations
    await eventually(
      async () => {
        // as a service: the mock auth would forward a user token as a direct user request
        const res = await fetch(
          `${base}/catalog/entities/by-name/${owned.kind.toLowerCase()}/default/${
            owned.metadata.name
          }`,
          {
            headers: { Authorization: mockCredentials.service.header() },
          },
        );
        const entity = res.ok ? await res.json() : undefined;
        return entity?.relations?.some((r: any) => r.type === 'ownedBy');
      },
      30000,
      'catalog processed the entities',
    );
    await eventually(
      async () => {
        const res = await fetch(`${base}/flux/runtime`, {
          headers: {
            Authorization: mockCredentials.user.header('user:default/alice'),
          },
        });
        return res.ok && (await res.json()).clusters[0].synced;
      },
      15000,
      'cluster synced',
    );
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  const ref = (e: Entity) => ({
    kind: e.kind,
    namespace: 'default',
    name: e.metadata.name,
  });
  const target = (e: Entity) => {
    const [namespace, name] =
      e.metadata.annotations![ANNOTATION_HELM_RELEASE].split('/');
    return { cluster: 'contour', kind: 'HelmRelease', namespace, name };
  };
  const act = (
    user: string,
    e: Entity,
    action: 'reconcile' | 'suspend' | 'resume',
  ) =>
    fetch(`${base}/flux${entityActionPath(ref(e), action)}`, {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.user.header(user),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(target(e)),
    });

  it('lets every signed-in user read, and nobody unauthenticated', async () => {
    const read = await fetch(`${base}/flux${entityStatusPath(ref(foreign))}`, {
      headers: {
        Authorization: mockCredentials.user.header('user:default/bob'),
      },
    });
    expect(read.status).toBe(200);
    const anonymous = await fetch(
      `${base}/flux${entityStatusPath(ref(foreign))}`,
      {
        headers: { Authorization: mockCredentials.none.header() },
      },
    );
    expect(anonymous.status).toBe(401);
  });

  it('allows the owner to reconcile and records it in the cluster and the audit log', async () => {
    const res = await act('user:default/alice', owned, 'reconcile');
    expect(res.status).toBe(200);
    const { requestedAt } = await res.json();
    const live: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      target(owned).namespace,
      target(owned).name,
    );
    expect(live.metadata.annotations['reconcile.fluxcd.io/requestedAt']).toBe(
      requestedAt,
    );
    expect(auditEvents).toContainEqual(
      expect.objectContaining({
        eventId: 'flux-action',
        user: 'alice',
        outcome: 'succeeded',
        meta: expect.objectContaining({
          action: 'reconcile',
          name: target(owned).name,
        }),
      }),
    );
  });

  it('refuses an owner of one entity an action on the Kustomization it shares with others, and lets an admin act', async () => {
    const [namespace, name] =
      owned.metadata.annotations![ANNOTATION_KUSTOMIZATION].split('/');
    const shared = {
      cluster: 'contour',
      kind: 'Kustomization',
      namespace,
      name,
    };
    const actOnShared = (user: string, action: 'reconcile' | 'suspend') =>
      fetch(`${base}/flux${entityActionPath(ref(owned), action)}`, {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header(user),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(shared),
      });
    const live = () =>
      sim.get(
        fluxApiVersionOf('Kustomization'),
        'Kustomization',
        namespace,
        name,
      ) as any;
    const before = live().metadata.resourceVersion;
    // alice owns `owned` only; the Kustomization also deploys `foreign`
    const refused = await actOnShared('user:default/alice', 'suspend');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe(
      `Kustomization ${namespace}/${name} in cluster 'contour' deploys 2 entities of 2 owner(s); to suspend it you need that permission on all of them (as a member of flux.adminGroups, or owning each), and you lack it on 1: ${foreign.kind.toLowerCase()}:default/${
        foreign.metadata.name
      }`,
    );
    expect(live().metadata.resourceVersion).toBe(before);
    // her own HelmRelease stays hers to act on
    expect((await act('user:default/alice', owned, 'reconcile')).status).toBe(
      200,
    );
    // bob is in an admin group
    expect((await actOnShared('user:default/bob', 'reconcile')).status).toBe(
      200,
    );
  });

  it('answers what an action would touch before it is taken: entities, owners and how many the caller may not act on', async () => {
    const [namespace, name] =
      owned.metadata.annotations![ANNOTATION_KUSTOMIZATION].split('/');
    const impactOf = async (user: string, body: object) => {
      const res = await fetch(
        `${base}/flux${entityActionImpactPath(ref(owned), 'suspend')}`,
        {
          method: 'POST',
          headers: {
            Authorization: mockCredentials.user.header(user),
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
        },
      );
      expect(res.status).toBe(200);
      return res.json();
    };
    const shared = {
      cluster: 'contour',
      kind: 'Kustomization',
      namespace,
      name,
    };
    const fluxActions = () =>
      auditEvents.filter(e => e.eventId === 'flux-action').length;
    const auditedBefore = fluxActions();
    expect(await impactOf('user:default/alice', shared)).toEqual({
      action: 'suspend',
      object: shared,
      entities: 2,
      owners: ['group:default/team-b', 'user:default/alice'],
      denied: 1,
      deniedExamples: [
        `${foreign.kind.toLowerCase()}:default/${foreign.metadata.name}`,
      ],
    });
    expect(await impactOf('user:default/bob', shared)).toMatchObject({
      entities: 2,
      denied: 0,
    });
    // her own HelmRelease touches her entity only
    expect(await impactOf('user:default/alice', target(owned))).toMatchObject({
      entities: 1,
      owners: ['user:default/alice'],
      denied: 0,
    });
    // asking changes nothing and is not an action: no audit record
    expect(fluxActions()).toBe(auditedBefore);
    const notDeploying = await fetch(
      `${base}/flux${entityActionImpactPath(ref(owned), 'suspend')}`,
      {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header('user:default/alice'),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(target(foreign)),
      },
    );
    expect(notDeploying.status).toBe(400);
  });

  it('denies a user who does not own the entity, patches nothing, and audits the refusal', async () => {
    const before: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      target(foreign).namespace,
      target(foreign).name,
    );
    const res = await act('user:default/alice', foreign, 'suspend');
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain(
      'not allowed to suspend',
    );
    const after: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      target(foreign).namespace,
      target(foreign).name,
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(auditEvents).toContainEqual(
      expect.objectContaining({
        user: 'alice',
        outcome: 'failed',
        meta: expect.objectContaining({
          action: 'suspend',
          name: target(foreign).name,
        }),
      }),
    );
  });

  it('allows members of an admin group on any entity', async () => {
    const res = await fetch(
      `${base}/flux${entityActionPath(ref(foreign), 'reconcile')}`,
      {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header('user:default/bob'),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(target(foreign)),
      },
    );
    expect(res.status).toBe(200);
    expect(auditEvents).toContainEqual(
      expect.objectContaining({
        user: 'bob',
        outcome: 'succeeded',
        meta: expect.objectContaining({
          action: 'reconcile',
          name: target(foreign).name,
        }),
      }),
    );
  });
});
