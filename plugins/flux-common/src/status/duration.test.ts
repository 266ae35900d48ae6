import { parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['30s', 30_000],
    ['1h', 3_600_000],
    ['1.5h', 5_400_000],
    ['2m0s', 120_000],
    ['500ms', 500],
    ['1m30.5s', 90_500],
    ['0', 0],
    ['-5s', -5000],
    ['100us', 0.1],
    ['.5s', 500],
  ])('%s → %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 6);
  });

  it.each(['', '10', 'm', '10x', '1h 30m', '5 m', 'abc', '1h-30m'])(
    'rejects %j',
    text => {
      expect(parseGoDuration(text)).toBeUndefined();
    },
  );

  it('rejects non-strings', () => {
    expect(parseGoDuration(undefined)).toBeUndefined();
    expect(parseGoDuration(600)).toBeUndefined();
  });
});
