import { parse } from 'yaml';
import { addToKustomizationResources } from './addToKustomizationResources';

describe('addToKustomizationResources', () => {
  it('appends after the last item and keeps comments, order and formatting', () => {
    const text = [
      '# Business services',
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '- example-app',
      '- zeta # keep me',
      '# trailing comment',
      'patches:',
      '- path: p.yaml',
      '',
    ].join('\n');
    expect(addToKustomizationResources(text, 'my-app')).toBe(
      text.replace('- zeta # keep me\n', '- zeta # keep me\n- my-app\n'),
    );
  });

  it('keeps the indentation of indented lists', () => {
    const text = 'resources:\n  - a\n  - b\nnamespace: x\n';
    expect(addToKustomizationResources(text, 'c')).toBe(
      'resources:\n  - a\n  - b\n  - c\nnamespace: x\n',
    );
  });

  it('refuses an entry already listed, also written as ./entry/', () => {
    const text = 'resources:\n- ./a/\n- b\n';
    expect(() =>
      addToKustomizationResources(text, 'a', 'apps/kustomization.yaml'),
    ).toThrow('apps/kustomization.yaml:2: "a" is already listed in resources');
    expect(() => addToKustomizationResources(text, './b')).toThrow(
      'already listed',
    );
  });

  it('creates the list when missing or empty', () => {
    expect(addToKustomizationResources('kind: Kustomization\n', 'a')).toBe(
      'kind: Kustomization\nresources:\n- a\n',
    );
    expect(addToKustomizationResources('kind: Kustomization', 'a')).toBe(
      'kind: Kustomization\nresources:\n- a\n',
    );
    expect(
      addToKustomizationResources('resources:\nkind: Kustomization\n', 'a'),
    ).toBe('resources:\n- a\nkind: Kustomization\n');
    const flow = addToKustomizationResources(
      'resources: [a, b] # list\nkind: K\n',
      'c',
    );
    expect(parse(flow)).toEqual({ resources: ['a', 'b', 'c'], kind: 'K' });
    expect(flow).toContain('# list');
    expect(parse(addToKustomizationResources('resources: []\n', 'x'))).toEqual({
      resources: ['x'],
    });
  });

  it('quotes entries YAML would misread', () => {
    const out = addToKustomizationResources('resources:\n- a\n', 'odd: #name');
    expect(parse(out).resources).toEqual(['a', 'odd: #name']);
  });

  it('reports invalid input with the file and line', () => {
    expect(() =>
      addToKustomizationResources('resources:\n- a\n bad: [\n', 'x', 'k.yaml'),
    ).toThrow(/^k\.yaml:\d+: invalid YAML/);
    expect(() => addToKustomizationResources('- a\n', 'x', 'k.yaml')).toThrow(
      'k.yaml: expected a mapping at the top level',
    );
    expect(() =>
      addToKustomizationResources('resources: a\n', 'x', 'k.yaml'),
    ).toThrow('k.yaml: "resources" must be a list');
    expect(() =>
      addToKustomizationResources('resources:\n- a\n', '  '),
    ).toThrow('empty resource entry');
  });
});
