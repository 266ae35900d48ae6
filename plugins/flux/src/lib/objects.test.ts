import {
  FluxConditionReason,
  type FluxObjectSummary,
  fluxApiVersionOf,
} from '@flux-portal/plugin-flux-common';
import {
  distinct,
  filterObjects,
  filtersFromSearch,
  objectKey,
} from './objects';

function obj(partial: Partial<FluxObjectSummary>): FluxObjectSummary {
  return {
    cluster: 'prod',
    kind: 'Kustomization',
    namespace: 'flux-system',
    name: 'apps',
    apiVersion: fluxApiVersionOf('Kustomization'),
    state: 'Ready',
    reason: FluxConditionReason.ReconciliationSucceeded,
    message: 'Applied revision',
    suspended: false,
    retrying: false,
    drift: false,
    dependsOn: [],
    ...partial,
  };
}

describe('filterObjects', () => {
  const items = [
    obj({ name: 'ok' }),
    obj({ name: 'broken', state: 'Failed', message: 'kustomize build failed' }),
    obj({ name: 'paused', state: 'Suspended', cluster: 'staging' }),
    obj({ name: 'podinfo', kind: 'HelmRelease', namespace: 'podinfo' }),
  ];

  it('puts failing objects first', () => {
    expect(filterObjects(items, {}).map(i => i.name)).toEqual([
      'broken',
      'paused',
      'podinfo',
      'ok',
    ]);
  });

  it('combines cluster, namespace, kind, state and text search', () => {
    expect(
      filterObjects(items, { cluster: 'staging' }).map(i => i.name),
    ).toEqual(['paused']);
    expect(
      filterObjects(items, { kind: 'HelmRelease' }).map(i => i.name),
    ).toEqual(['podinfo']);
    expect(
      filterObjects(items, { namespace: 'podinfo', state: 'Ready' }).map(
        i => i.name,
      ),
    ).toEqual(['podinfo']);
    expect(filterObjects(items, { state: 'Failed' }).map(i => i.name)).toEqual([
      'broken',
    ]);
    expect(
      filterObjects(items, { q: 'KUSTOMIZE BUILD' }).map(i => i.name),
    ).toEqual(['broken']);
    expect(filterObjects(items, { q: 'nothing' })).toEqual([]);
  });

  it('lists distinct values and builds stable keys', () => {
    expect(distinct(items, 'cluster')).toEqual(['prod', 'staging']);
    expect(objectKey(items[3])).toBe('prod/HelmRelease/podinfo/podinfo');
  });
});

describe('filtersFromSearch', () => {
  it('reads the filters a link carries and ignores unknown states', () => {
    expect(filtersFromSearch('?state=Failed&cluster=prod&q=shop')).toEqual({
      state: 'Failed',
      cluster: 'prod',
      q: 'shop',
    });
    expect(filtersFromSearch('?state=Broken&kind=')).toEqual({});
  });
});
