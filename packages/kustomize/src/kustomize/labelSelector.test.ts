import {
  LabelSelectorError,
  matchesLabelSelector,
  parseLabelSelector,
  splitSelectorTerms,
} from './labelSelector';

describe('label selectors', () => {
  it('parses equality, set and existence requirements', () => {
    const reqs = parseLabelSelector(
      'tier in (web, api),env!=dev,team,!legacy,app==x',
    );
    const ok = (l: Record<string, string>) => matchesLabelSelector(reqs, l);
    expect(ok({ tier: 'web', env: 'prod', team: 't', app: 'x' })).toBe(true);
    expect(ok({ tier: 'api', team: 't', app: 'x' })).toBe(true);
    expect(ok({ tier: 'db', env: 'prod', team: 't', app: 'x' })).toBe(false);
    expect(ok({ tier: 'web', env: 'dev', team: 't', app: 'x' })).toBe(false);
    expect(ok({ tier: 'web', team: 't', app: 'x', legacy: '1' })).toBe(false);
    expect(ok({ tier: 'web', app: 'x' })).toBe(false);
  });

  it('treats notin and != as true when the key is absent', () => {
    expect(
      matchesLabelSelector(parseLabelSelector('env notin (dev)'), {}),
    ).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('env!=dev'), {})).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('env=dev'), {})).toBe(false);
  });

  it('accepts prefixed keys and rejects malformed ones by name', () => {
    expect(parseLabelSelector('app.kubernetes.io/name=podinfo')[0]).toEqual({
      key: 'app.kubernetes.io/name',
      op: 'in',
      values: ['podinfo'],
    });
    expect(() => parseLabelSelector('a b c')).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector('ok=1,!bad key')).toThrow(
      /invalid label key "bad key" in selector "ok=1,!bad key"/,
    );
  });

  it('splits on commas outside value sets only', () => {
    expect(splitSelectorTerms('a in (x, y), b=1 ,, c')).toEqual([
      'a in (x, y)',
      'b=1',
      'c',
    ]);
  });
});
