/**
 * Collects the entity refs that table cells ask about within one tick and
 * sends them in one POST /entity-states, so a catalog page of 100 rows
 * costs one request instead of 100. Answers are reused for a few seconds:
 * tables remount their rows on every sort, page or filter change, and a
 * state read a moment ago is still the news.
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
  private readonly recent = new Map<
    string,
    { at: number; state: Promise<FluxState | undefined> }
  >();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly fluxApi: Pick<FluxApi, 'getEntityStates'>,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  get(entityRef: string): Promise<FluxState | undefined> {
    const now = this.now();
    const hit = this.recent.get(entityRef);
    if (hit && now - hit.at < this.ttlMs) return hit.state;
    const state = this.enqueue(entityRef);
    this.recent.set(entityRef, { at: now, state });
    // a failure is not news worth keeping
    state.catch(() => this.recent.delete(entityRef));
    if (this.recent.size > 5000) this.evict(now);
    return state;
  }

  private evict(now: number) {
    for (const [ref, hit] of this.recent) {
      if (now - hit.at >= this.ttlMs) this.recent.delete(ref);
    }
  }

  private enqueue(entityRef: string): Promise<FluxState | undefined> {
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
