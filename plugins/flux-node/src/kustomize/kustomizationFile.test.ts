import { EngineProblem } from '../problems';
import { parseKustomizationFile } from './kustomizationFile';

const parse = (text: string) => {
  const problems: EngineProblem[] = [];
  const k = parseKustomizationFile(
    Buffer.from(text),
    'app/kustomization.yaml',
    'app',
    problems,
  );
  return { k, problems };
};

describe('parseKustomizationFile', () => {
  it('folds legacy fields in and keeps the line of every entry', () => {
    const { k, problems } = parse(
      [
        'resources:',
        '  - a.yaml',
        'bases:',
        '  - ../base',
        'patchesStrategicMerge:',
        '  - p.yaml',
        'patchesJson6902:',
        '  - target: {kind: Deployment, name: web}',
        '    path: j.yaml',
        'imageTags:',
        '  - name: nginx',
        '    newTag: 1',
        'commonLabels: {a: b}',
        'vars: []',
      ].join('\n'),
    );
    expect(k?.resources).toEqual([
      { value: 'a.yaml', line: 2 },
      { value: '../base', line: 4 },
    ]);
    expect(k?.patches).toEqual([
      { value: { path: 'p.yaml', legacy: 'smp' }, line: 6 },
      {
        value: {
          path: 'j.yaml',
          patch: undefined,
          target: { kind: 'Deployment', name: 'web' },
          legacy: 'json6902',
        },
        line: 8,
      },
    ]);
    expect(k?.images).toEqual([
      {
        value: {
          name: 'nginx',
          newTag: '1',
          newName: undefined,
          digest: undefined,
        },
        line: 11,
      },
    ]);
    expect(k?.labels).toEqual([
      { pairs: { a: 'b' }, includeSelectors: true, includeTemplates: true },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'unsupported-field',
        severity: 'warning',
        line: 14,
      }),
    ]);
  });

  it('tells components and reports malformed entries at their line', () => {
    const { k, problems } = parse(
      'kind: Component\nresources:\n  - ok.yaml\n  - {not: a path}\nreplicas: oops\n',
    );
    expect(k?.isComponent).toBe(true);
    expect(problems.map(p => [p.code, p.line])).toEqual([
      ['kustomization-invalid', 4],
      ['kustomization-invalid', 5],
    ]);
  });

  it('returns nothing for invalid YAML, with the position', () => {
    const { k, problems } = parse('resources:\n  - a\n b: [\n');
    expect(k).toBeUndefined();
    expect(problems[0]).toMatchObject({
      code: 'yaml-invalid',
      file: 'app/kustomization.yaml',
      line: 3,
    });
  });
});
