import { parseEnvFile, parseLiteral } from './envFile';
import { generatedNameHash } from './nameHash';

describe('generator helpers', () => {
  it('parses env files: comments, blank lines, leading spaces, verbatim values', () => {
    expect(
      parseEnvFile('# c\nA=1\n  B=two words\n\nC="q"\nD=\nbad line\n'),
    ).toEqual({
      pairs: [
        ['A', '1'],
        ['B', 'two words'],
        ['C', '"q"'],
        ['D', ''],
      ],
      badLines: [7],
    });
  });

  it('parses literals, dropping one pair of quotes', () => {
    expect(parseLiteral('a=b=c')).toEqual(['a', 'b=c']);
    expect(parseLiteral('q="x y"')).toEqual(['q', 'x y']);
    expect(parseLiteral('novalue')).toBeUndefined();
  });

  it('computes the hash kubectl kustomize v5 gives (name excluded, Go HTML escaping)', () => {
    // `kubectl kustomize` names this generator output cfg-f986b78m9b.
    expect(
      generatedNameHash({
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: { a: '1', b: '<&>' },
      }),
    ).toBe('f986b78m9b');
    expect(
      generatedNameHash({
        kind: 'ConfigMap',
        metadata: { name: 'other' },
        data: { b: '<&>', a: '1' },
      }),
    ).toBe('f986b78m9b');
    expect(
      generatedNameHash({
        kind: 'Secret',
        type: 'Opaque',
        data: { a: 'MQ==' },
      }),
    ).not.toBe(
      generatedNameHash({
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        data: { a: 'MQ==' },
      }),
    );
  });
});
