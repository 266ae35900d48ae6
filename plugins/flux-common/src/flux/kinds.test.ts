import { FLUX_GROUPS } from './groups';
import { FLUX_KINDS, fluxApiVersionOf } from './kinds';
import { helmReleaseOwnerLabels, kustomizationOwnerLabels } from './labels';

describe('Flux kinds', () => {
  it('give the apiVersion a current Flux serves', () => {
    expect(fluxApiVersionOf('Kustomization')).toBe(
      'kustomize.toolkit.fluxcd.io/v1',
    );
    expect(fluxApiVersionOf('HelmRelease')).toBe('helm.toolkit.fluxcd.io/v2');
    expect(fluxApiVersionOf('GitRepository')).toBe(
      'source.toolkit.fluxcd.io/v1',
    );
    expect(fluxApiVersionOf('Alert')).toBe(
      'notification.toolkit.fluxcd.io/v1beta3',
    );
    expect(fluxApiVersionOf('ImagePolicy')).toBe('image.toolkit.fluxcd.io/v1');
  });

  it('belong to the Flux groups', () => {
    const groups: readonly string[] = FLUX_GROUPS;
    for (const { group } of Object.values(FLUX_KINDS)) {
      expect(groups).toContain(group);
    }
  });

  it('label what they apply with their owner', () => {
    const owner = { namespace: 'flux-system', name: 'apps' };
    expect(kustomizationOwnerLabels(owner)).toEqual({
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
    });
    expect(helmReleaseOwnerLabels(owner)).toEqual({
      'helm.toolkit.fluxcd.io/name': 'apps',
      'helm.toolkit.fluxcd.io/namespace': 'flux-system',
    });
  });
});
