import {
  entityActionImpactPath,
  entityActionPath,
  entityStatusPath,
} from './paths';

describe('REST paths', () => {
  it('builds entity paths with the kind lower-cased, the default namespace and escaped parts', () => {
    expect(entityStatusPath({ kind: 'Component', name: 'issues' })).toBe(
      '/entities/component/default/issues/status',
    );
    expect(
      entityStatusPath({ kind: 'Resource', namespace: 'team a', name: 'x/y' }),
    ).toBe('/entities/resource/team%20a/x%2Fy/status');
    expect(
      entityActionPath(
        { kind: 'Component', namespace: 'default', name: 'status' },
        'reconcile',
      ),
    ).toBe('/entities/component/default/status/actions/reconcile');
    expect(
      entityActionImpactPath({ kind: 'Component', name: 'a b' }, 'suspend'),
    ).toBe('/entities/component/default/a%20b/actions/suspend/impact');
  });
});
