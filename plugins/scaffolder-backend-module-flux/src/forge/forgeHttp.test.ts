import { rateLimitWait, redact } from './forgeHttp';

const NOW = 1_800_000_000_000;
const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe('rateLimitWait', () => {
  it.each([
    [
      'GitHub primary limit: 403, quota 0, reset time',
      answer(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(NOW / 1000 + 12),
      }),
      0,
      12_000,
    ],
    [
      'GitHub secondary limit: 403 with Retry-After',
      answer(403, { 'retry-after': '5' }),
      0,
      5_000,
    ],
    [
      'GitLab: 429 with Retry-After',
      answer(429, { 'retry-after': '3' }),
      0,
      3_000,
    ],
    [
      'GitLab: 429 with RateLimit-Reset only',
      answer(429, { 'ratelimit-reset': String(NOW / 1000 + 4) }),
      0,
      4_000,
    ],
    ['429 without hints backs off exponentially', answer(429), 2, 4_000],
    [
      'reset already passed',
      answer(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(NOW / 1000 - 10),
      }),
      0,
      0,
    ],
  ])('%s', (_, response, attempt, wait) => {
    expect(rateLimitWait(response, attempt, NOW)).toBe(wait);
  });

  it.each([
    [
      '403 with quota left: a permission problem',
      answer(403, { 'x-ratelimit-remaining': '4999' }),
    ],
    ['401', answer(401)],
    ['502', answer(502)],
  ])('%s is not a rate limit', (_, response) => {
    expect(rateLimitWait(response, 0, NOW)).toBeUndefined();
  });
});

describe('redact', () => {
  it('removes every occurrence of every secret', () => {
    expect(
      redact('token abc123 and Bearer abc123; xyz9', [
        'Bearer abc123',
        'abc123',
        'xyz9',
      ]),
    ).toBe('token *** and ***; ***');
  });
});
