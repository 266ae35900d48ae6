import { startClusterSimulator, ClusterSimulator } from './index';
import { client } from './__testUtils__';

describe('discovery', () => {
  let sim: ClusterSimulator;
  afterEach(() => sim?.stop());

  it('serves /api, /api/v1, /apis and group resource lists with the default versions', async () => {
    sim = await startClusterSimulator();
    const api = client(sim);

    const core = await api.get('/api');
    expect(core.status).toBe(200);
    expect(core.body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });

    const v1 = await api.get('/api/v1');
    expect(v1.body.kind).toBe('APIResourceList');
    expect(v1.body.groupVersion).toBe('v1');
    const names = v1.body.resources.map((r: any) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['namespaces', 'pods', 'events']),
    );
    expect(
      v1.body.resources.find((r: any) => r.name === 'namespaces'),
    ).toMatchObject({
      singularName: 'namespace',
      namespaced: false,
      kind: 'Namespace',
    });

    const groups = await api.get('/apis');
    expect(groups.body.kind).toBe('APIGroupList');
    const helm = groups.body.groups.find(
      (g: any) => g.name === 'helm.toolkit.fluxcd.io',
    );
    expect(helm.preferredVersion).toEqual({
      groupVersion: 'helm.toolkit.fluxcd.io/v2',
      version: 'v2',
    });
    expect(helm.versions.map((v: any) => v.version)).toEqual(['v2', 'v2beta2']);
    expect(groups.body.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'kustomize.toolkit.fluxcd.io',
        'source.toolkit.fluxcd.io',
      ]),
    );

    const sources = await api.get('/apis/source.toolkit.fluxcd.io/v1');
    const main = sources.body.resources.filter(
      (r: any) => !r.name.includes('/'),
    );
    expect(main.map((r: any) => r.kind).sort()).toEqual([
      'Bucket',
      'GitRepository',
      'HelmChart',
      'HelmRepository',
      'OCIRepository',
    ]);
    expect(main.find((r: any) => r.name === 'gitrepositories')).toMatchObject({
      singularName: 'gitrepository',
      namespaced: true,
      verbs: expect.arrayContaining(['get', 'list', 'watch', 'patch']),
    });

    const group = await api.get('/apis/kustomize.toolkit.fluxcd.io');
    expect(group.body).toMatchObject({
      kind: 'APIGroup',
      name: 'kustomize.toolkit.fluxcd.io',
    });
  });

  it('serves only the versions configured for the cluster', async () => {
    sim = await startClusterSimulator({
      servedVersions: {
        'helm.toolkit.fluxcd.io': ['v2beta2'],
        'source.toolkit.fluxcd.io': [],
      },
    });
    const api = client(sim);
    const groups = await api.get('/apis');
    const helm = groups.body.groups.find(
      (g: any) => g.name === 'helm.toolkit.fluxcd.io',
    );
    expect(helm.preferredVersion.version).toBe('v2beta2');
    expect(helm.versions).toHaveLength(1);
    expect(
      groups.body.groups.some(
        (g: any) => g.name === 'source.toolkit.fluxcd.io',
      ),
    ).toBe(false);

    const missing = await api.get('/apis/helm.toolkit.fluxcd.io/v2');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
    });
    expect(
      (await api.get('/apis/helm.toolkit.fluxcd.io/v2/helmreleases')).status,
    ).toBe(404);
    expect(
      (await api.get('/apis/helm.toolkit.fluxcd.io/v2beta2/helmreleases'))
        .status,
    ).toBe(200);
  });
});
