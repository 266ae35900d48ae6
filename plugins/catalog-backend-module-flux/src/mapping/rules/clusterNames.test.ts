import { clusterNameOf } from './clusterNames';

const none = new Map<string, string>();

describe('clusterNameOf', () => {
  it('takes clusters/<name> as it is', () => {
    expect(
      clusterNameOf({ cluster: 'main', path: 'clusters/main' }, {}, none),
    ).toBe('main');
    expect(
      clusterNameOf({ cluster: 'contour', path: 'clusters/contour' }, {}, none),
    ).toBe('contour');
  });

  it('prefers the configured name, by entry folder or folder name', () => {
    const entry = { cluster: 'cluster', path: 'kubernetes/flux/cluster' };
    expect(
      clusterNameOf(entry, { 'kubernetes/flux/cluster': 'home' }, none),
    ).toBe('home');
    expect(clusterNameOf(entry, { cluster: 'lab' }, none)).toBe('lab');
  });

  it('derives a generic folder name from CLUSTER_NAME, then the path', () => {
    const entry = { cluster: 'cluster', path: 'kubernetes/flux/cluster' };
    expect(clusterNameOf(entry, {}, new Map([['CLUSTER_NAME', 'home']]))).toBe(
      'home',
    );
    expect(clusterNameOf(entry, {}, new Map([['CLUSTER', 'lab']]))).toBe('lab');
    expect(clusterNameOf(entry, {}, none)).toBe('default');
    expect(
      clusterNameOf({ cluster: 'flux', path: 'k8s/staging/flux' }, {}, none),
    ).toBe('staging');
  });

  it('ignores a variable that is itself a substitution', () => {
    expect(
      clusterNameOf(
        { cluster: 'cluster', path: 'kubernetes/flux/cluster' },
        {},
        new Map([['CLUSTER_NAME', '${NAME}']]),
      ),
    ).toBe('default');
  });
});
