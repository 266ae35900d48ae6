import {
  fluxGroupOf,
  isArtifactGenerator,
  isFluxKustomization,
  isFluxSource,
  isHelmRelease,
  versionOf,
} from './recognise';

describe('Flux API helpers', () => {
  it('tells a Flux Kustomization from a kustomize file', () => {
    for (const v of ['v1', 'v1beta2', 'v1beta1']) {
      expect(
        isFluxKustomization({
          apiVersion: `kustomize.toolkit.fluxcd.io/${v}`,
          kind: 'Kustomization',
        }),
      ).toBe(true);
    }
    expect(
      isFluxKustomization({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
      }),
    ).toBe(false);
  });

  it('recognises HelmReleases and sources', () => {
    expect(
      isHelmRelease({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
      }),
    ).toBe(true);
    expect(isHelmRelease({ apiVersion: 'apps/v1', kind: 'HelmRelease' })).toBe(
      false,
    );
    expect(
      isFluxSource({
        apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
        kind: 'OCIRepository',
      }),
    ).toBe(true);
    expect(
      isFluxSource({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'ConfigMap',
      }),
    ).toBe(false);
  });

  it('splits apiVersion', () => {
    expect(fluxGroupOf('source.toolkit.fluxcd.io/v1')).toBe(
      'source.toolkit.fluxcd.io',
    );
    expect(fluxGroupOf('v1')).toBeUndefined();
    expect(fluxGroupOf(42)).toBeUndefined();
    expect(versionOf('helm.toolkit.fluxcd.io/v2beta2')).toBe('v2beta2');
  });

  it('tells an ArtifactGenerator by its extensions group', () => {
    expect(
      isArtifactGenerator({
        apiVersion: 'source.extensions.fluxcd.io/v1beta1',
        kind: 'ArtifactGenerator',
      }),
    ).toBe(true);
    expect(
      isArtifactGenerator({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'ArtifactGenerator',
      }),
    ).toBe(false);
  });
});
