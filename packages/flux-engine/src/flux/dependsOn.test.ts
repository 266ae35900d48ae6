import { checkDependsOn } from './dependsOn';

const node = (key: string, dependsOn: string[], line: number) => ({
  key,
  dependsOn,
  origin: { file: 'clusters/c/ks.yaml', line },
});

describe('checkDependsOn', () => {
  it('accepts an acyclic graph', () => {
    expect(
      checkDependsOn('Kustomization', [
        node('flux-system/infra', [], 1),
        node('flux-system/apps', ['flux-system/infra'], 10),
      ]),
    ).toEqual([]);
  });

  it('reports a cycle once with its path and location', () => {
    const problems = checkDependsOn('Kustomization', [
      node('ns/a', ['ns/b'], 1),
      node('ns/b', ['ns/c'], 5),
      node('ns/c', ['ns/a'], 9),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'depends-on-cycle',
      file: 'clusters/c/ks.yaml',
      line: 9,
      message: 'Kustomization dependsOn cycle: ns/a -> ns/b -> ns/c -> ns/a',
    });
  });

  it('reports a self dependency and a missing one', () => {
    const problems = checkDependsOn('HelmRelease', [
      node('ns/a', ['ns/a', 'ns/ghost'], 3),
    ]);
    expect(problems.map(p => p.code).sort()).toEqual([
      'depends-on-cycle',
      'depends-on-missing',
    ]);
  });
});
