import { parseManifests } from './parseManifests';

describe('parseManifests', () => {
  it('parses multi-document files with 1-based start lines, skipping empty documents', () => {
    const text =
      '# c\n---\napiVersion: v1\nkind: A\n---\n---\n# only comment\n---\nkind: B\nmetadata:\n  name: b\n';
    const result = parseManifests(text, 'f.yaml');
    expect(result.problems).toEqual([]);
    expect(result.documents.map(d => [d.object.kind, d.line])).toEqual([
      ['A', 3],
      ['B', 9],
    ]);
  });

  it('reports invalid YAML with line and keeps the other documents', () => {
    const text = 'kind: A\n---\nkind: B\nspec:\n  x: 1\n  x: 2\n---\nkind: C\n';
    const result = parseManifests(text, 'f.yaml');
    expect(result.documents.map(d => d.object.kind)).toEqual(['A', 'C']);
    expect(result.problems[0]).toMatchObject({
      code: 'yaml-invalid',
      file: 'f.yaml',
      line: 6,
    });
  });

  it('refuses alias bombs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const result = parseManifests(
      `kind: Bomb\n${lines.join('\n')}\n---\nkind: Fine\n`,
      'bomb.yaml',
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-alias-bomb',
        file: 'bomb.yaml',
        line: 1,
      }),
    ]);
    expect(result.documents.map(d => d.object.kind)).toEqual(['Fine']);
  });

  it('rejects non-UTF-8 bytes with the line of the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('kind: A\nname: '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    const result = parseManifests(bytes, 'latin.yaml');
    expect(result.documents).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'yaml-not-utf8', line: 2 }),
    ]);
  });

  it('caps nesting depth, including absurd flow nesting', () => {
    const deep = `kind: Deep\nspec: ${'['.repeat(100)}${']'.repeat(
      100,
    )}\n---\nkind: Ok\n`;
    const result = parseManifests(deep, 'deep.yaml');
    expect(result.problems.map(p => p.code)).toEqual(['yaml-too-deep']);
    expect(result.documents.map(d => d.object.kind)).toEqual(['Ok']);
    const absurd = parseManifests(`a: ${'['.repeat(50000)}`, 'absurd.yaml');
    expect(absurd.problems.length).toBeGreaterThan(0);
  });

  it('reports documents that are not mappings', () => {
    const result = parseManifests('- a\n- b\n---\nplain\n', 'list.yaml');
    expect(result.problems.map(p => [p.code, p.line])).toEqual([
      ['manifest-not-object', 1],
      ['manifest-not-object', 4],
    ]);
  });

  it('strips a UTF-8 BOM', () => {
    const result = parseManifests(
      Buffer.from('\uFEFFkind: A\n', 'utf8'),
      'bom.yaml',
    );
    expect(result.documents[0].object.kind).toBe('A');
  });
});
