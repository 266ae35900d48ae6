import { byName, loadFixture } from './__testUtils__/loadFixture';

/*
 * Flux 2.7's monorepo shape: an ArtifactGenerator splits the repository into
 * ExternalArtifacts and the Kustomizations render from those (fixture
 * flux-artifacts, see its README).
 */
describe('loadMonorepo with ArtifactGenerator and ExternalArtifact', () => {
  it('renders every Kustomization from its generated artifact', async () => {
    const model = await loadFixture('flux-artifacts', 'clusters/production');
    const summary = model.kustomizations
      .map(k => ({
        name: k.name,
        source: `${k.sourceRef.kind}/${k.sourceRef.name}`,
        path: k.path,
        renderedPath: k.renderedPath,
        status: k.status,
        reason: k.reason,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(summary).toEqual([
      {
        name: 'apps',
        source: 'ExternalArtifact/apps',
        path: 'production',
        renderedPath: 'apps/production',
        status: 'rendered',
        reason: null,
      },
      {
        name: 'flux-system',
        source: 'GitRepository/flux-system',
        path: 'clusters/production',
        renderedPath: 'clusters/production',
        status: 'rendered',
        reason: null,
      },
      {
        name: 'infra-configs',
        source: 'ExternalArtifact/infrastructure',
        path: 'configs',
        renderedPath: 'infrastructure/configs',
        status: 'rendered',
        reason: null,
      },
      {
        name: 'infra-controllers',
        source: 'ExternalArtifact/infrastructure',
        path: 'controllers',
        renderedPath: 'infrastructure/controllers',
        status: 'rendered',
        reason: null,
      },
    ]);
    expect(model.problems.filter(p => p.severity === 'error')).toEqual([]);
  });

  it('finds the HelmReleases inside the artifacts, with provenance in the repository', async () => {
    const model = await loadFixture('flux-artifacts', 'clusters/production');
    expect(
      model.helmReleases.map(h => `${h.namespace}/${h.name}`).sort(),
    ).toEqual([
      'cert-manager/cert-manager',
      'ingress-nginx/ingress-nginx',
      'podinfo/podinfo',
    ]);
    const podinfo = byName(model.helmReleases, 'podinfo');
    expect(podinfo.appliedBy).toBe('flux-system/apps');
    expect(podinfo.version).toBe('>=1.0.0');
    const objects = model.objects.filter(
      o => o.provenance.kustomization === 'flux-system/apps',
    );
    expect(
      objects
        .map(
          o =>
            `${o.object.kind}/${o.object.metadata?.name} ${o.provenance.file}`,
        )
        .sort(),
    ).toEqual([
      'HelmRelease/podinfo apps/base/podinfo/release.yaml',
      'HelmRepository/podinfo apps/base/podinfo/repository.yaml',
      'Namespace/podinfo apps/base/podinfo/namespace.yaml',
    ]);
    // the Kustomization's own patch applies inside the artifact too
    const issuer = model.objects.find(o => o.object.kind === 'ClusterIssuer');
    expect((issuer?.object.spec as any).acme.server).toBe(
      'https://acme-v02.api.letsencrypt.org/directory',
    );
  });
});
