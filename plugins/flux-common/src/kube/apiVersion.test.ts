import { joinApiVersion, splitApiVersion } from './apiVersion';

describe('apiVersion', () => {
  it('splits group/version, the core group and garbage', () => {
    expect(splitApiVersion('kustomize.toolkit.fluxcd.io/v1')).toEqual({
      group: 'kustomize.toolkit.fluxcd.io',
      version: 'v1',
    });
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(splitApiVersion(undefined)).toEqual({ group: '', version: '' });
    expect(splitApiVersion(42)).toEqual({ group: '', version: '' });
  });

  it('joins what it splits', () => {
    for (const apiVersion of ['apps/v1', 'v1', 'helm.toolkit.fluxcd.io/v2']) {
      const { group, version } = splitApiVersion(apiVersion);
      expect(joinApiVersion(group, version)).toBe(apiVersion);
    }
  });
});
