import type { Unit } from '../units/types';
import { storageClassUse } from './storageClasses';
import type { UnitLookups } from './unitLookups';

const unit = (name: string, objects: object[]): Unit =>
  ({
    name,
    folder: `apps/${name}`,
    key: `apps/${name}`,
    role: 'infrastructure',
    clusters: new Set(),
    kustomizations: new Set(),
    objects: objects.map(object => ({ object })),
    helmReleases: [],
  } as unknown as Unit);

describe('storageClassUse', () => {
  it('finds the storage classes custom resources ask for, not the ones StorageClasses define', () => {
    const cnpg = unit('cloudnative-pg', [
      {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: 'postgres16' },
        spec: { storage: { size: '20Gi', storageClass: 'ceph-block' } },
      },
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'local' },
        spec: { storageClassName: 'should-not-count' },
      },
    ]);
    const lookups = {
      // every class has a provider here: only what the unit asks for may be found
      byStorageClass: (sc: string) => unit(`provider-of-${sc}`, []),
    } as unknown as UnitLookups;
    const found: string[] = [];
    storageClassUse(cnpg, lookups, (from, to, reason, evidence) => {
      if (to)
        found.push(
          `${from.name} -> ${(to as Unit).name} [${reason}: ${evidence}]`,
        );
    });
    expect(found).toEqual([
      'cloudnative-pg -> provider-of-ceph-block [storage-class: storageClass ceph-block]',
    ]);
  });
});
