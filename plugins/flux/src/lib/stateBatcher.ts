/**
 * Collects the entity refs that table cells ask about within one tick and
 * sends them in one POST /entity-states, so a catalog page of 100 rows
 * costs one request instead of 100.
 */
import type { FluxState } from '@flux-portal/plugin-flux-common';
import type { FluxApi } from '../api/FluxApi';

type Waiter = {
  resolve(state: FluxState | undefined): void;
  reject(error: Error): void;
};

/** @public */
export class FluxStateBatcher {
  private queue = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(private readonly fluxApi: Pick<FluxApi, 'getEntityStates'>) {}

  get(entityRef: string): Promise<FluxState | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.queue.get(entityRef) ?? [];
      waiters.push({ resolve, reject });
      this.queue.set(entityRef, waiters);
      if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => this.flush(), 0);
      }
    });
  }

  private async flush() {
    const batch = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    try {
      const { states } = await this.fluxApi.getEntityStates([...batch.keys()]);
      for (const [ref, waiters] of batch) {
        waiters.forEach(w => w.resolve(states[ref]));
      }
    } catch (e) {
      for (const waiters of batch.values()) {
        waiters.forEach(w => w.reject(e as Error));
      }
    }
  }
}

const batchers = new WeakMap<object, FluxStateBatcher>();

/** One batcher per API instance. */
export function batcherFor(fluxApi: FluxApi): FluxStateBatcher {
  let batcher = batchers.get(fluxApi);
  if (!batcher) {
    batcher = new FluxStateBatcher(fluxApi);
    batchers.set(fluxApi, batcher);
  }
  return batcher;
}
