/*
 * With every permission denied, nothing of an entity's Flux status leaves
 * the backend and nothing is patched.
 */
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_HELM_RELEASE,
  entityActionPath,
  entityStatusPath,
  fluxApiVersionOf,
} from '@flux-portal/plugin-flux-common';
import { ClusterSimulator } from '@flux-portal/cluster-simulator';
import {
  eventually,
  exampleEntities,
  startExampleCluster,
} from '../__testUtils__/exampleCluster';
import {
  FluxBackendUnderTest,
  startFluxBackend,
} from '../__testUtils__/startFluxBackend';

jest.setTimeout(60000);

describe('flux backend when permissions are denied', () => {
  let sim: ClusterSimulator;
  let backend: FluxBackendUnderTest;

  beforeAll(async () => {
    ({ sim } = await startExampleCluster());
    backend = await startFluxBackend({
      clusters: [{ name: 'contour', url: sim.url, token: sim.token }],
      permissions: AuthorizeResult.DENY,
    });
    await eventually(
      async () => (await backend.get('/runtime')).body?.clusters?.[0]?.synced,
      30000,
      'cluster synced',
    );
  });
  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  it('refuses status, states, stream and actions', async () => {
    const entity = (await exampleEntities()).find(
      e => e.metadata.annotations?.[ANNOTATION_HELM_RELEASE],
    )!;
    const ref = {
      kind: entity.kind,
      namespace: entity.metadata.namespace,
      name: entity.metadata.name,
    };
    const status = await backend.get(entityStatusPath(ref));
    expect(status.status).toBe(403);
    expect(status.body.error.message).toContain(
      'not allowed to read the Flux status',
    );
    expect(status.text).not.toContain('HelmRelease');

    const states = await backend.post('/entity-states', {
      entityRefs: [stringifyEntityRef(entity)],
    });
    expect(states.body).toEqual({ states: {} });

    const stream = await backend.get(
      `/stream?entityRef=${encodeURIComponent(stringifyEntityRef(entity))}`,
    );
    expect(stream.status).toBe(403);

    const [namespace, name] =
      entity.metadata.annotations![ANNOTATION_HELM_RELEASE].split('/');
    const before: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      namespace,
      name,
    );
    const action = await backend.post(entityActionPath(ref, 'reconcile'), {
      cluster: 'contour',
      kind: 'HelmRelease',
      namespace,
      name,
    });
    expect(action.status).toBe(403);
    const after: any = sim.get(
      fluxApiVersionOf('HelmRelease'),
      'HelmRelease',
      namespace,
      name,
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });
});
