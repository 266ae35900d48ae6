import { readCrossNamespaceRef } from './crossNamespaceRef';

describe('readCrossNamespaceRef', () => {
  it('defaults the namespace to the referring object', () => {
    expect(
      readCrossNamespaceRef({ kind: 'GitRepository', name: 'repo' }, 'apps'),
    ).toEqual({ kind: 'GitRepository', name: 'repo', namespace: 'apps' });
    expect(
      readCrossNamespaceRef(
        { kind: 'GitRepository', name: 'repo', namespace: '' },
        'apps',
      ),
    ).toEqual({ kind: 'GitRepository', name: 'repo', namespace: 'apps' });
  });

  it('keeps an explicit namespace', () => {
    expect(
      readCrossNamespaceRef(
        { kind: 'HelmRepository', name: 'bitnami', namespace: 'flux-system' },
        'apps',
      ),
    ).toEqual({
      kind: 'HelmRepository',
      name: 'bitnami',
      namespace: 'flux-system',
    });
  });

  it('rejects what is not a reference', () => {
    for (const value of [
      undefined,
      null,
      'repo',
      [],
      { kind: 'GitRepository' },
      { name: 'repo' },
      { kind: '', name: 'repo' },
      { kind: 'GitRepository', name: 7 },
    ]) {
      expect(readCrossNamespaceRef(value, 'apps')).toBeUndefined();
    }
  });
});
