import { applyJsonPatch, JsonPatchError } from './json6902';

describe('applyJsonPatch', () => {
  it('supports add, remove, replace, move, copy, test and escaped keys', () => {
    const doc: any = { a: { b: 1, list: [1, 3] }, m: { 'x/y': 1 } };
    applyJsonPatch(doc, [
      { op: 'add', path: '/a/list/1', value: 2 },
      { op: 'add', path: '/a/list/-', value: 4 },
      { op: 'replace', path: '/a/b', value: 10 },
      { op: 'copy', from: '/a/b', path: '/c' },
      { op: 'move', from: '/m/x~1y', path: '/m/moved' },
      { op: 'remove', path: '/a/list/0' },
      { op: 'test', path: '/c', value: 10 },
    ]);
    expect(doc).toEqual({
      a: { b: 10, list: [2, 3, 4] },
      m: { moved: 1 },
      c: 10,
    });
  });

  it('fails with the operation index when a path is missing', () => {
    expect(() =>
      applyJsonPatch({ a: {} }, [
        { op: 'replace', path: '/a/missing', value: 1 },
      ]),
    ).toThrow(JsonPatchError);
    expect(() =>
      applyJsonPatch({}, [
        { op: 'add', path: '/x', value: 1 },
        { op: 'remove', path: '/y/z' },
      ]),
    ).toThrow(/operation 1/);
    expect(() =>
      applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]),
    ).toThrow(/test failed/);
  });
});
