import { EngineProblem } from '../../problems';
import { Resource } from '../Resource';
import { applyReplacements, splitFieldPath } from './applyReplacements';

const res = (object: Record<string, unknown>) =>
  new Resource(object as any, { file: 'f.yaml', line: 1 });

describe('replacements', () => {
  it('splits field paths, keeping dots inside brackets', () => {
    expect(splitFieldPath('metadata.annotations.[example.com/a.b]')).toEqual([
      'metadata',
      'annotations',
      '[example.com/a.b]',
    ]);
    expect(splitFieldPath('spec.containers.[name=app].image')).toEqual([
      'spec',
      'containers',
      '[name=app]',
      'image',
    ]);
  });

  it('copies a delimited part of a source into selected targets and reports missing fields', () => {
    const src = res({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { image: 'web:1.2' },
    });
    const a = res({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { containers: [{ name: 'app', image: 'x:0' }] },
    });
    const b = res({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'b' },
      spec: {},
    });
    const problems: EngineProblem[] = [];
    applyReplacements(
      [src, a, b],
      [
        {
          line: 7,
          value: {
            source: {
              kind: 'ConfigMap',
              name: 'cfg',
              fieldPath: 'data.image',
              options: { delimiter: ':', index: 1 },
            },
            targets: [
              {
                select: { kind: 'Pod' },
                reject: [{ name: 'b' }],
                fieldPaths: ['spec.containers.[name=app].image'],
                options: { delimiter: ':', index: 1 },
              },
            ],
          },
        },
        {
          line: 9,
          value: {
            source: { kind: 'ConfigMap', name: 'cfg' },
            targets: [
              {
                select: { kind: 'Pod', name: 'b' },
                fieldPaths: ['spec.missing'],
              },
            ],
          },
        },
      ],
      'k.yaml',
      problems,
    );
    expect((a.object.spec as any).containers[0].image).toBe('x:1.2');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'replacement-failed',
        file: 'k.yaml',
        line: 9,
      }),
    ]);
  });
});
