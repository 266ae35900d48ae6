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
});
