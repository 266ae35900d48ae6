import { systemFolderOf } from './systemFolder';

const folder = (f: string) => ({ folder: f, inFile: false });

describe('systemFolderOf', () => {
  it('is the group folder under an apps or infrastructure folder', () => {
    // home-ops: kubernetes/apps/<namespace>/<app>
    expect(
      systemFolderOf(folder('kubernetes/apps/database/cloudnative-pg'), []),
    ).toBe('database');
    expect(systemFolderOf(folder('apps/team-a/billing'), [])).toBe('team-a');
    // a flat release file of a namespace folder: the folder is the group
    expect(
      systemFolderOf({ folder: 'kubernetes/apps/tools', inFile: true }, []),
    ).toBe('tools');
  });

  it('is the top folder when the unit sits directly under its root', () => {
    expect(systemFolderOf(folder('apps/podinfo'), [])).toBe('apps');
    // variant folders group nothing
    expect(systemFolderOf(folder('apps/base/podinfo'), [])).toBe('apps');
    // infrastructure/controllers/<release>.yaml: a run of root names is one root
    expect(
      systemFolderOf(
        { folder: 'infrastructure/controllers', inFile: true },
        [],
      ),
    ).toBe('infrastructure');
    expect(systemFolderOf(folder('services/podinfo'), [])).toBe('services');
  });

  it('follows configured roots, wildcards included', () => {
    expect(
      systemFolderOf(folder('deploy/workloads/payments/api'), [
        'deploy/workloads',
      ]),
    ).toBe('payments');
    expect(
      systemFolderOf(folder('clusters/prod/svc/shop/web'), ['clusters/*/svc']),
    ).toBe('shop');
    expect(
      systemFolderOf(folder('deploy/workloads/api'), ['deploy/workloads']),
    ).toBe('deploy');
  });
});
