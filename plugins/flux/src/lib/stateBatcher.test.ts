import { FluxStateBatcher } from './stateBatcher';

describe('FluxStateBatcher', () => {
  it('sends the refs asked for in one tick as one request', async () => {
    const getEntityStates = jest.fn(async (refs: string[]) => ({
      states: Object.fromEntries(
        refs
          .filter(r => r !== 'component:default/unmapped')
          .map(r => [r, 'Failed' as const]),
      ),
    }));
    const batcher = new FluxStateBatcher({ getEntityStates });
    const results = await Promise.all([
      batcher.get('component:default/a'),
      batcher.get('component:default/b'),
      batcher.get('component:default/a'),
      batcher.get('component:default/unmapped'),
    ]);
    expect(results).toEqual(['Failed', 'Failed', 'Failed', undefined]);
    expect(getEntityStates).toHaveBeenCalledTimes(1);
    expect(getEntityStates).toHaveBeenCalledWith([
      'component:default/a',
      'component:default/b',
      'component:default/unmapped',
    ]);
  });

  it('rejects every waiter of a failed batch', async () => {
    const batcher = new FluxStateBatcher({
      getEntityStates: async () => {
        throw new Error('boom');
      },
    });
    await expect(batcher.get('component:default/a')).rejects.toThrow('boom');
  });
  it('reuses an answer for a few seconds, so remounted table rows ask nothing, then asks again', async () => {
    let now = 0;
    const getEntityStates = jest.fn(async (refs: string[]) => ({
      states: Object.fromEntries(refs.map(r => [r, 'Ready' as const])),
    }));
    const batcher = new FluxStateBatcher(
      { getEntityStates },
      { ttlMs: 5000, now: () => now },
    );
    await batcher.get('component:default/a');
    now = 4999;
    await expect(batcher.get('component:default/a')).resolves.toBe('Ready');
    expect(getEntityStates).toHaveBeenCalledTimes(1);
    now = 5000;
    await batcher.get('component:default/a');
    expect(getEntityStates).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure: the next ask tries again', async () => {
    const getEntityStates = jest
      .fn()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue({ states: { 'component:default/a': 'Failed' } });
    const batcher = new FluxStateBatcher({ getEntityStates });
    await expect(batcher.get('component:default/a')).rejects.toThrow('boom');
    await expect(batcher.get('component:default/a')).resolves.toBe('Failed');
  });
});
