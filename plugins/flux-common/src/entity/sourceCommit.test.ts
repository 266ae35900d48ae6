import {
  formatSourceCommit,
  formatSourceCommitReadAt,
  parseSourceCommit,
  parseSourceCommitReadAt,
} from './sourceCommit';

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

describe('source commit read-at annotation', () => {
  it('round-trips a time as ISO 8601 UTC with milliseconds', () => {
    const time = new Date(Date.UTC(2026, 11, 6, 7, 30, 47, 120));
    expect(formatSourceCommitReadAt(time)).toBe('2026-12-06T07:30:47.120Z');
    expect(parseSourceCommitReadAt(formatSourceCommitReadAt(time))).toBe(
      '2026-12-06T07:30:47.120Z',
    );
  });

  it('reads Kubernetes-style and zoned times, normalized to UTC', () => {
    expect(parseSourceCommitReadAt('2026-12-06T07:30:47Z')).toBe(
      '2026-12-06T07:30:47.000Z',
    );
    expect(parseSourceCommitReadAt(' 2026-12-06T08:30:47.5+01:00 ')).toBe(
      '2026-12-06T07:30:47.500Z',
    );
  });

  it('refuses what is not a zoned ISO 8601 date-time', () => {
    expect(() => formatSourceCommitReadAt(new Date('nope'))).toThrow(
      'Invalid read time',
    );
    expect(parseSourceCommitReadAt(undefined)).toBeUndefined();
    expect(parseSourceCommitReadAt('')).toBeUndefined();
    expect(parseSourceCommitReadAt('2026-12-06')).toBeUndefined();
    expect(parseSourceCommitReadAt('2026-12-06T07:30:47')).toBeUndefined();
    expect(parseSourceCommitReadAt('2026-13-40T07:30:47Z')).toBeUndefined();
    expect(parseSourceCommitReadAt('1765006247')).toBeUndefined();
  });
});
