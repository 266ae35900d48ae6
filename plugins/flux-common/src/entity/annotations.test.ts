import {
  ANNOTATION_KUSTOMIZATION,
  formatClusters,
  formatNamespacedName,
  formatNamespacedNames,
  formatWorkloads,
  parseClusters,
  parseList,
  parseNamespacedName,
  parseNamespacedNames,
  parseWorkload,
  parseWorkloads,
} from './annotations';

describe('annotation values', () => {
  it('keys live in the portal domain', () => {
    expect(ANNOTATION_KUSTOMIZATION).toBe('flux-portal.io/kustomization');
  });

  it('splits lists, trimming and dropping empty items', () => {
    expect(parseList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseList(undefined)).toEqual([]);
  });

  it('round-trips namespaced names', () => {
    const refs = [
      { namespace: 'flux-system', name: 'apps' },
      { namespace: 'team-a', name: 'podinfo' },
    ];
    const text = formatNamespacedNames(refs);
    expect(text).toBe('flux-system/apps,team-a/podinfo');
    expect(parseNamespacedNames(text)).toEqual(refs);
  });

  it('rejects malformed namespaced names', () => {
    expect(parseNamespacedName('apps')).toBeUndefined();
    expect(parseNamespacedName('a/b/c')).toBeUndefined();
    expect(parseNamespacedName('Flux/apps')).toBeUndefined();
    expect(parseNamespacedNames('ok/one, broken ,x/y')).toEqual([
      { namespace: 'ok', name: 'one' },
      { namespace: 'x', name: 'y' },
    ]);
    expect(() => formatNamespacedName({ namespace: '', name: 'a' })).toThrow(
      /Invalid/,
    );
  });

  it('round-trips workloads including cluster-scoped ones', () => {
    const refs = [
      { kind: 'Deployment', namespace: 'pm', name: 'pm' },
      { kind: 'ClusterRole', namespace: '', name: 'viewer' },
    ];
    const text = formatWorkloads(refs);
    expect(text).toBe('Deployment/pm/pm,ClusterRole//viewer');
    expect(parseWorkloads(text)).toEqual(refs);
    expect(parseWorkload('Deployment/pm')).toBeUndefined();
    expect(parseWorkload('1abc/ns/name')).toBeUndefined();
  });

  it('validates cluster names', () => {
    expect(parseClusters('contour, staging,Bad_Name')).toEqual([
      'contour',
      'staging',
    ]);
    expect(formatClusters(['contour', 'staging'])).toBe('contour,staging');
    expect(() => formatClusters(['a,b'])).toThrow();
  });
});
