import { entityStateOf, SharedDeployer } from './entityState';

const apps = (
  state: SharedDeployer['state'],
  appliedEntity = true,
): SharedDeployer => ({
  key: 'flux-system/apps',
  state,
  sharedBy: 34,
  appliedEntity,
});

describe('entityStateOf (own objects first)', () => {
  it('own-objects: its own HelmRelease decides, the failing shared deployer is context', () => {
    // postgresql: its release Suspended while `infrastructure` fails
    expect(
      entityStateOf({
        own: ['Suspended'],
        workloads: [],
        shared: apps('Failed'),
      }),
    ).toEqual({
      state: 'Suspended',
      rule: 'own-objects',
      context: 'deployed by flux-system/apps, shared by 34 entities: Failed',
    });
    // zitadel: its own release is the fault
    expect(
      entityStateOf({
        own: ['Failed'],
        workloads: [true],
        shared: apps('Ready'),
      }),
    ).toEqual({ state: 'Failed', rule: 'own-objects' });
  });

  it('own-objects: unready workloads make a Ready release Progressing', () => {
    expect(
      entityStateOf({ own: ['Ready'], workloads: [true, false] }).state,
    ).toBe('Progressing');
  });

  it('shared-blocks: a failing shared deployer that never applied the entity is its state', () => {
    expect(
      entityStateOf({
        own: ['Ready'],
        workloads: [],
        shared: apps('Failed', false),
      }),
    ).toEqual({ state: 'Failed', rule: 'shared-blocks' });
    expect(
      entityStateOf({ own: [], workloads: [], shared: apps('Waiting', false) }),
    ).toEqual({ state: 'Waiting', rule: 'shared-blocks' });
  });

  it('a suspended or progressing shared deployer never blocks', () => {
    expect(
      entityStateOf({
        own: [],
        workloads: [true],
        shared: apps('Suspended', false),
      }),
    ).toEqual({
      state: 'Ready',
      rule: 'workloads',
      context: 'deployed by flux-system/apps, shared by 34 entities: Suspended',
    });
  });

  it('workloads: a plain-manifest service is as ready as its workloads', () => {
    expect(
      entityStateOf({
        own: [],
        workloads: [true, true],
        shared: apps('Failed'),
      }),
    ).toEqual({
      state: 'Ready',
      rule: 'workloads',
      context: 'deployed by flux-system/apps, shared by 34 entities: Failed',
    });
    expect(
      entityStateOf({ own: [], workloads: [false], shared: apps('Ready') }),
    ).toEqual({ state: 'Progressing', rule: 'workloads' });
  });

  it('shared-deployer and nothing: no objects of its own to judge by', () => {
    expect(
      entityStateOf({
        own: [],
        workloads: [undefined],
        shared: apps('Failed'),
      }),
    ).toEqual({ state: 'Failed', rule: 'shared-deployer' });
    expect(entityStateOf({ own: [], workloads: [] })).toEqual({
      state: 'Unknown',
      rule: 'nothing',
    });
  });
});
