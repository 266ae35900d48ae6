import { formatSourceCommit, parseSourceCommit } from './sourceCommit';

describe('source commit annotation', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';

  it('round-trips full commits, lower-cased', () => {
    expect(parseSourceCommit(formatSourceCommit(sha.toUpperCase()))).toBe(sha);
    expect(parseSourceCommit(formatSourceCommit('f'.repeat(64)))).toBe(
      'f'.repeat(64),
    );
  });

  it('refuses what is not a full hex commit', () => {
    expect(() => formatSourceCommit('abc123')).toThrow('Invalid commit');
    expect(parseSourceCommit('main@sha1:abc')).toBeUndefined();
    expect(parseSourceCommit(undefined)).toBeUndefined();
  });
});
