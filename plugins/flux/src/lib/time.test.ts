import { relativeTime } from './time';

describe('relativeTime', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('picks the largest unit', () => {
    expect(relativeTime('2026-01-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2026-01-01T10:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime('2025-12-30T12:00:00Z', now)).toBe('2 days ago');
    expect(relativeTime('2026-01-01T11:59:55Z', now)).toBe('5 seconds ago');
  });
  it('says never or unknown when it cannot tell', () => {
    expect(relativeTime(undefined, now)).toBe('never');
    expect(relativeTime('yesterday', now)).toBe('unknown');
  });
});
