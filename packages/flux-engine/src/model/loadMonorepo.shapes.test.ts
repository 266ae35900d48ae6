/**
 * The model of small repositories shaped like public Flux examples.
 */
import { byName, loadFixture } from './__testUtils__/loadFixture';

const names = (items: Array<{ name: string }>) => items.map(i => i.name).sort();

describe('flux2-kustomize-helm-example shape', () => {
  it('loads one entry per cluster from the repository root', async () => {
    const model = await loadFixture('kustomize-helm', '');
    expect(model.entries).toEqual([
      { cluster: 'production', path: 'clusters/production' },
      { cluster: 'staging', path: 'clusters/staging' },
    ]);
    for (const cluster of ['production', 'staging']) {
      const ks = model.kustomizations.filter(k => k.cluster === cluster);
      expect(names(ks)).toEqual([
        'apps',
        'flux-system',
        'infra-configs',
        'infra-controllers',
      ]);
      const apps = byName(ks, 'apps');
      expect(apps).toMatchObject({
        namespace: 'flux-system',
        path: `apps/${cluster}`,
        sourceRef: {
          kind: 'GitRepository',
          name: 'flux-system',
          namespace: 'flux-system',
        },
        dependsOn: [{ namespace: 'flux-system', name: 'infra-configs' }],
        prune: true,
        status: 'rendered',
        // flux-system applies the cluster folder it was bootstrapped into
        appliedBy: 'flux-system/flux-system',
        definedAt: { file: `clusters/${cluster}/apps.yaml`, line: 1 },
      });
      expect(byName(ks, 'flux-system').appliedBy).toBeNull();
    }
    expect(model.problems).toEqual([]);
  });

  it('applies the overlay value patches per cluster to the HelmRelease', async () => {
    const model = await loadFixture('kustomize-helm', '');
    const staging = byName(model.helmReleases, 'podinfo', 'staging');
    const production = byName(model.helmReleases, 'podinfo', 'production');
    expect(staging).toMatchObject({
      namespace: 'podinfo',
      chart: 'podinfo',
      version: '>=6.0.0-0',
      sourceRef: {
        kind: 'HelmRepository',
        name: 'podinfo',
        namespace: 'podinfo',
      },
      appliedBy: 'flux-system/apps',
      definedAt: { file: 'apps/base/podinfo/release.yaml', line: 1 },
    });
    expect(staging.values).toMatchObject({
      replicaCount: 1,
      redis: { enabled: true },
      ingress: { hosts: [{ host: 'podinfo.staging' }] },
    });
    expect(production.version).toBe('>=6.0.0');
    expect(production.values).toMatchObject({
      replicaCount: 3,
      ingress: { hosts: [{ host: 'podinfo.production' }] },
    });
    expect(
      names(model.helmReleases.filter(h => h.cluster === 'staging')),
    ).toEqual(['cert-manager', 'ingress-nginx', 'podinfo']);
  });

  it('records provenance for every rendered object', async () => {
    const model = await loadFixture('kustomize-helm', 'clusters/staging');
    const issuer = model.objects.find(o => o.object.kind === 'ClusterIssuer');
    expect(issuer?.provenance).toEqual({
      kustomization: 'flux-system/infra-configs',
      source: 'GitRepository/flux-system/flux-system',
      file: 'infrastructure/configs/cluster-issuers.yaml',
      line: 1,
    });
    const gitRepo = byName(model.sources, 'flux-system');
    expect(gitRepo).toMatchObject({
      type: 'GitRepository',
      ref: 'branch:main',
      local: true,
      appliedBy: 'flux-system/flux-system',
    });
    expect(model.objects.every(o => o.provenance.line >= 1)).toBe(true);
  });
});

describe('flux2-multi-tenancy shape', () => {
  it('reports tenant repositories as external sources, not errors', async () => {
    const model = await loadFixture('multi-tenant', 'clusters/staging');
    const devTeam = byName(model.kustomizations, 'dev-team');
    expect(devTeam).toMatchObject({
      namespace: 'apps',
      path: 'staging',
      status: 'external',
      appliedBy: 'flux-system/tenants',
      sourceRef: { kind: 'GitRepository', name: 'dev-team', namespace: 'apps' },
    });
    expect(model.externalSources).toEqual([
      expect.objectContaining({
        kind: 'GitRepository',
        namespace: 'apps',
        name: 'dev-team',
        url: 'https://github.com/example/flux2-multi-tenancy-dev-team',
        referencedBy: ['apps/dev-team'],
      }),
      expect.objectContaining({
        kind: 'OCIRepository',
        namespace: 'ops',
        name: 'ops-team',
        url: 'oci://ghcr.io/example/ops-team-manifests',
      }),
    ]);
    expect(model.problems.filter(p => p.severity === 'error')).toEqual([]);
  });

  it('renders a tenant repository mapped to a local folder', async () => {
    const model = await loadFixture('multi-tenant', 'clusters/staging', {
      'dev-team': 'multi-tenant-dev-team',
    });
    expect(byName(model.kustomizations, 'dev-team').status).toBe('rendered');
    const podinfo = byName(model.helmReleases, 'podinfo');
    expect(podinfo).toMatchObject({
      namespace: 'apps',
      version: '6.5.x',
      values: { replicaCount: 2 },
      appliedBy: 'apps/dev-team',
      definedAt: {
        source: 'GitRepository/apps/dev-team',
        file: 'base/podinfo/release.yaml',
      },
    });
    expect(byName(model.sources, 'dev-team').local).toBe(true);
    expect(model.externalSources.map(s => s.name)).toEqual(['ops-team']);
  });
});

describe('a repository without any kustomization.yaml', () => {
  it('renders every manifest under each path, like the Flux generator', async () => {
    const model = await loadFixture('plain-folders', 'clusters/dev');
    expect(names(model.kustomizations)).toEqual(['apps', 'infrastructure']);
    const apps = byName(model.kustomizations, 'apps');
    expect(apps).toMatchObject({
      path: 'apps',
      targetNamespace: 'dev',
      dependsOn: [{ namespace: 'flux-system', name: 'infrastructure' }],
      objectCount: 4,
    });
    const fromApps = model.objects
      .filter(o => o.provenance.kustomization === 'flux-system/apps')
      .map(
        o =>
          `${o.object.kind}/${o.object.metadata?.namespace}/${o.object.metadata?.name}`,
      )
      .sort();
    expect(fromApps).toEqual([
      'ConfigMap/dev/redis-config',
      'Deployment/dev/podinfo',
      'Deployment/dev/redis',
      'Service/dev/podinfo',
    ]);
    // v1beta1 and v1beta2 Kustomizations are read like v1
    expect(model.problems).toEqual([]);
  });
});

describe('OCI sources and chartRef HelmReleases', () => {
  it('names the chart and version through the referenced object', async () => {
    const model = await loadFixture('oci-chartref', 'clusters/prod');
    expect(byName(model.helmReleases, 'podinfo')).toMatchObject({
      chart: 'podinfo',
      version: '6.7.1',
      chartRef: {
        kind: 'OCIRepository',
        name: 'podinfo',
        namespace: 'podinfo',
      },
      sourceRef: {
        kind: 'OCIRepository',
        name: 'podinfo',
        namespace: 'podinfo',
      },
    });
    expect(byName(model.helmReleases, 'redis')).toMatchObject({
      namespace: 'cache',
      chart: 'redis',
      version: '20.x',
      chartRef: { kind: 'HelmChart', name: 'redis', namespace: 'cache' },
      dependsOn: [{ namespace: 'podinfo', name: 'podinfo' }],
    });
    expect(byName(model.sources, 'podinfo')).toMatchObject({
      type: 'OCIRepository',
      url: 'oci://ghcr.io/stefanprodan/charts/podinfo',
      ref: 'tag:6.7.1',
    });
    expect(byName(model.kustomizations, 'platform').status).toBe('external');
    expect(model.externalSources).toEqual([
      expect.objectContaining({
        kind: 'OCIRepository',
        name: 'platform-manifests',
        url: 'oci://ghcr.io/example/platform-manifests',
        referencedBy: ['flux-system/platform'],
      }),
    ]);
  });
});

describe('a chart from a Git path', () => {
  it('has no version and the GitRepository as source', async () => {
    const model = await loadFixture('git-chart', 'clusters/prod');
    expect(byName(model.helmReleases, 'my-app')).toMatchObject({
      namespace: 'my-app',
      chart: './charts/my-app',
      version: null,
      sourceRef: {
        kind: 'GitRepository',
        name: 'flux-system',
        namespace: 'flux-system',
      },
      values: { image: { tag: '1.4.2' } },
    });
    // the chart's templates are not manifests and are never rendered
    expect(
      model.objects.some(o => o.provenance.file.startsWith('charts/')),
    ).toBe(false);
  });
});
