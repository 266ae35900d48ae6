import { Backoff } from './Backoff';

describe('Backoff', () => {
  it('doubles from the minimum up to the maximum, and starts over after reset', () => {
    const backoff = new Backoff(500, 3000);
    expect([1, 2, 3, 4, 5].map(() => backoff.next())).toEqual([
      500, 1000, 2000, 3000, 3000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});
