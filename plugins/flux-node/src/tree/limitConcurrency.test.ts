import { limitConcurrency } from './limitConcurrency';

describe('limitConcurrency', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limit = limitConcurrency(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise(r => setTimeout(r, 1));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('passes failures through and keeps going', async () => {
    const limit = limitConcurrency(1);
    await expect(
      limit(async () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x');
    await expect(limit(async () => 'ok')).resolves.toBe('ok');
  });
});
