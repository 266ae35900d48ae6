import {
  ANNOTATION_CHART,
  ANNOTATION_CLUSTERS,
  ANNOTATION_DEPENDS_ON,
  ANNOTATION_DESCRIPTION,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_LIFECYCLE,
  ANNOTATION_SYSTEM,
  ANNOTATION_WORKLOADS,
  formatChart,
  formatClusters,
  formatEntityRefs,
  formatEqualitySelector,
  formatNamespacedName,
  formatNamespacedNames,
  formatSharedBy,
  formatWorkloads,
  parseChart,
  parseClusters,
  parseEntityRefs,
  parseEqualitySelector,
  parseList,
  parseNamespacedName,
  parseNamespacedNames,
  parseSharedBy,
  parseWorkload,
  parseWorkloads,
} from '.';

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

describe('annotation keys', () => {
  it('are the ones the catalog writes and reads', () => {
    expect([
      ANNOTATION_CLUSTERS,
      ANNOTATION_HELM_RELEASE,
      ANNOTATION_WORKLOADS,
      ANNOTATION_CHART,
      ANNOTATION_DESCRIPTION,
      ANNOTATION_LIFECYCLE,
      ANNOTATION_SYSTEM,
      ANNOTATION_DEPENDS_ON,
      ANNOTATION_KUBERNETES_LABEL_SELECTOR,
    ]).toEqual([
      'flux-portal.io/clusters',
      'flux-portal.io/helm-release',
      'flux-portal.io/workloads',
      'flux-portal.io/chart',
      'flux-portal.io/description',
      'flux-portal.io/lifecycle',
      'flux-portal.io/system',
      'flux-portal.io/depends-on',
      'backstage.io/kubernetes-label-selector',
    ]);
  });
});

/** parse(format(x)) deep-equals x for every value of every structured key. */
describe('annotation values round-trip', () => {
  function roundTrip<T>(
    format: (value: T) => string,
    parse: (text: string) => T | undefined,
    values: T[],
  ) {
    return values.map(value => parse(format(value)));
  }

  it('clusters, including none', () => {
    const clusterLists = [['contour'], ['contour', 'staging', 'edge-1'], []];
    expect(roundTrip(formatClusters, parseClusters, clusterLists)).toEqual(
      clusterLists,
    );
  });

  it('kustomization and helm-release references', () => {
    const references = [
      { namespace: 'flux-system', name: 'apps' },
      { namespace: 'pm', name: 'pm.v2' },
    ];
    expect(
      roundTrip(formatNamespacedName, parseNamespacedName, references),
    ).toEqual(references);
    const referenceLists = [
      [{ namespace: 'flux-system', name: 'infrastructure' }],
      [],
    ];
    expect(
      roundTrip(formatNamespacedNames, parseNamespacedNames, referenceLists),
    ).toEqual(referenceLists);
  });

  it('workloads, cluster-scoped ones and none', () => {
    const workloadLists = [
      [{ kind: 'Deployment', namespace: 'pm', name: 'pm' }],
      [
        { kind: 'StatefulSet', namespace: 'data', name: 'postgres' },
        { kind: 'ClusterRole', namespace: '', name: 'viewer' },
      ],
      [{ kind: 'Namespace', namespace: '', name: 'pm' }],
      [],
    ];
    expect(roundTrip(formatWorkloads, parseWorkloads, workloadLists)).toEqual(
      workloadLists,
    );
  });

  it('charts with and without a version constraint', () => {
    const charts = [
      { chart: 'ingress-nginx', version: '4.10.1' },
      { chart: 'cert-manager', version: '>=1.16.0 <2.0.0' },
      { chart: './charts/my-app' },
      { chart: 'podinfo', version: '6.x' },
    ];
    expect(roundTrip(formatChart, parseChart, charts)).toEqual(charts);
    expect(formatChart({ chart: 'podinfo', version: '6.x' })).toBe(
      'podinfo@6.x',
    );
    expect(parseChart('@1.0.0')).toBeUndefined();
    expect(parseChart('')).toBeUndefined();
    expect(() => formatChart({ chart: 'a@b' })).toThrow(/Invalid chart/);
  });

  it('equality label selectors, including the empty one', () => {
    const selectors: Array<Record<string, string>> = [
      { 'app.kubernetes.io/name': 'podinfo' },
      { app: 'web', tier: 'frontend', empty: '' },
      {},
    ];
    expect(
      roundTrip(formatEqualitySelector, parseEqualitySelector, selectors),
    ).toEqual(selectors);
    expect(parseEqualitySelector('app in (a,b)')).toBeUndefined();
    expect(parseEqualitySelector('app!=web')).toBeUndefined();
    expect(parseEqualitySelector(undefined)).toBeUndefined();
    expect(() => formatEqualitySelector({ 'a b': 'c' })).toThrow();
  });

  it('depends-on entity references, including none', () => {
    const entityRefLists = [
      ['component:default/billing', 'resource:postgres', 'kafka'],
      [],
    ];
    expect(
      roundTrip(formatEntityRefs, parseEntityRefs, entityRefLists),
    ).toEqual(entityRefLists);
    expect(() => formatEntityRefs(['a,b'])).toThrow();
  });

  it('round-trips the shared-by count and refuses anything but a whole number from 1', () => {
    for (const n of [1, 34, 10000])
      expect(parseSharedBy(formatSharedBy(n))).toBe(n);
    for (const bad of ['0', '-1', '1.5', 'x', '', '01']) {
      expect(parseSharedBy(bad)).toBeUndefined();
    }
    expect(parseSharedBy(undefined)).toBeUndefined();
    expect(() => formatSharedBy(0)).toThrow();
  });
});
