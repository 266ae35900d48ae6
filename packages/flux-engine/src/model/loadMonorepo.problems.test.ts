/**
 * Bad Flux input: each problem names its file and line, and everything
 * else is still loaded.
 */
import { createMemoryTree, formatProblem } from '@flux-portal/kustomize';
import { loadMonorepo } from './loadMonorepo';
import { byName, loadFixture } from './__testUtils__/loadFixture';

describe('bad Flux input', () => {
  it('reports each problem at its file:line and renders the rest', async () => {
    const model = await loadFixture('bad-flux', 'clusters/bad');
    expect(model.problems.map(formatProblem).sort()).toEqual([
      'clusters/bad/ks.yaml:16: Kustomization dependsOn cycle: flux-system/a -> flux-system/b -> flux-system/a',
      'clusters/bad/ks.yaml:30: Kustomization flux-system/broken: spec.sourceRef needs kind and name',
      "clusters/bad/ks.yaml:39: Kustomization flux-system/missing-path: spec.path './does-not-exist' is not a folder in GitRepository/flux-system/flux-system",
      'clusters/bad/ks.yaml:75: HelmRelease flux-system/no-chart: needs spec.chart.spec or spec.chartRef (kind, name)',
      'loop2/ks.yaml:1: Kustomization flux-system/loop-parent is applied again by its descendant flux-system/loop-child (cycle); not followed',
    ]);
    // the Kustomizations on the dependsOn cycle are still rendered
    expect(byName(model.kustomizations, 'a').objectCount).toBe(1);
    expect(byName(model.kustomizations, 'b').objectCount).toBe(1);
    expect(byName(model.kustomizations, 'loop-child').status).toBe('rendered');
    // an unmapped source is external, not an error
    expect(byName(model.kustomizations, 'tenant').status).toBe('external');
    expect(model.externalSources.map(s => s.name)).toEqual(['other-repo']);
    // refused as written, yet listed with why, never silently dropped
    expect(byName(model.kustomizations, 'broken')).toMatchObject({
      status: 'invalid',
      reason:
        'Kustomization flux-system/broken: spec.sourceRef needs kind and name',
      objectCount: 0,
    });
  });

  it('reports a Flux Kustomization path escaping the repository', async () => {
    const tree = createMemoryTree({
      'clusters/c/ks.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: out, namespace: flux-system}',
        'spec:',
        '  path: ../../etc',
        '  sourceRef: {kind: GitRepository, name: flux-system}',
      ].join('\n'),
    });
    const model = await loadMonorepo(tree, { path: 'clusters/c' });
    expect(model.problems.map(formatProblem)).toEqual([
      "clusters/c/ks.yaml:1: Kustomization flux-system/out: spec.path '../../etc' escapes the source root",
    ]);
  });

  it('reports a missing substituteFrom source and a missing dependency', async () => {
    const tree = createMemoryTree({
      'clusters/c/ks.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: apps, namespace: flux-system}',
        'spec:',
        '  path: ./apps',
        '  dependsOn: [{name: infra}]',
        '  sourceRef: {kind: GitRepository, name: flux-system}',
        '  postBuild:',
        '    substituteFrom:',
        '      - {kind: ConfigMap, name: settings}',
        '      - {kind: Secret, name: optional-one, optional: true}',
      ].join('\n'),
      'apps/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    });
    const model = await loadMonorepo(tree, { path: 'clusters/c' });
    expect(
      model.problems.map(p => [p.code, p.severity, formatProblem(p)]),
    ).toEqual([
      [
        'substitute-source-missing',
        'error',
        'clusters/c/ks.yaml:1: Kustomization flux-system/apps: postBuild.substituteFrom ConfigMap/flux-system/settings not found in the repository',
      ],
      [
        'depends-on-missing',
        'warning',
        'clusters/c/ks.yaml:1: Kustomization flux-system/apps depends on Kustomization flux-system/infra, which is not in the repository',
      ],
    ]);
    expect(byName(model.kustomizations, 'apps').objectCount).toBe(1);
  });

  it('records a remote resource once, unfetched, however often its folder is rendered', async () => {
    const ks = (name: string) =>
      [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        `metadata: {name: ${name}, namespace: flux-system}`,
        'spec:',
        '  path: ./shared',
        '  sourceRef: {kind: GitRepository, name: flux-system}',
      ].join('\n');
    const tree = createMemoryTree({
      'clusters/c/ks.yaml': `${ks('one')}\n---\n${ks('two')}\n`,
      'shared/kustomization.yaml': [
        'resources:',
        '  - https://github.com/example/repo//deploy?ref=v1',
        '  - cm.yaml',
      ].join('\n'),
      'shared/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    });
    const model = await loadMonorepo(tree, { path: 'clusters/c' });
    expect(model.unresolved).toEqual([
      expect.objectContaining({
        file: 'shared/kustomization.yaml',
        reference: 'https://github.com/example/repo//deploy?ref=v1',
      }),
    ]);
    expect(model.problems.map(p => [p.code, p.severity])).toEqual([
      ['remote-resource', 'warning'],
    ]);
    expect(byName(model.kustomizations, 'two').objectCount).toBe(1);
  });

  it('says when the path is not a folder', async () => {
    const model = await loadMonorepo(createMemoryTree({ 'a.yaml': '' }), {
      path: 'nope',
    });
    expect(model.problems.map(p => p.code)).toEqual(['path-not-found']);
    expect(model.kustomizations).toEqual([]);
  });
});
