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
        '    newTag: "1"',
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

  it('reports numbers and booleans where kustomize wants strings (YAML 1.1, like kustomize)', () => {
    const { k, problems } = parse(
      'commonLabels:\n  version: 1.10\n  ok: "1.10"\nimages:\n  - name: nginx\n    newTag: 1.20\nnamePrefix: on\n',
    );
    expect(problems.map(p => [p.code, p.line, p.message])).toEqual([
      [
        'kustomization-invalid',
        2,
        "'commonLabels.version' must be a string, not 1.1 (quote it)",
      ],
      [
        'kustomization-invalid',
        7,
        "'namePrefix' must be a string, not true (quote it)",
      ],
      [
        'kustomization-invalid',
        6,
        "'images.0.newTag' must be a string, not 1.2 (quote it)",
      ],
    ]);
    expect(k?.labels[0].pairs).toEqual({ version: '1.1', ok: '1.10' });
  });

  it('keeps resources but warns at their lines about helmCharts, openapi and crds, which it does not run', () => {
    const { k, problems } = parse(
      [
        'resources: [a.yaml]',
        'helmCharts:',
        '  - name: podinfo',
        '    repo: https://stefanprodan.github.io/podinfo',
        'openapi:',
        '  path: schema.json',
        'crds: [crd.yaml]',
      ].join('\n'),
    );
    expect(k?.resources).toEqual([{ value: 'a.yaml', line: 1 }]);
    const warned = problems
      .map(p => [p.code, p.severity, p.line, p.message])
      .sort((x, y) => (x[2] as number) - (y[2] as number));
    const warning = (field: string, line: number) => [
      'unsupported-field',
      'warning',
      line,
      `kustomization field '${field}' is not supported by the in-process renderer and was ignored`,
    ];
    expect(warned).toEqual([
      warning('helmCharts', 2),
      warning('openapi', 5),
      warning('crds', 7),
    ]);
  });

  it('warns about labels with custom fields', () => {
    const { k, problems } = parse(
      'labels:\n  - pairs: {a: b}\n    fields:\n      - path: spec/x\n',
    );
    expect(k?.labels).toEqual([
      { pairs: { a: 'b' }, includeSelectors: false, includeTemplates: false },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unsupported-field', line: 4 }),
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
