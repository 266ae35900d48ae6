/**
 * A render of a large tree from memory never waits for I/O, so its promise
 * chains run back to back and starve the event loop: inside a backend that
 * would stall every request and timer for the whole load (seconds at 10,000
 * apps). Renders call `yieldWhenSliceUsed()` at each directory; once the
 * current slice has run for `SLICE_MS`, it waits for one turn of the event
 * loop. Concurrent chains share the slice: all of them wait for the same turn.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

export const SLICE_MS = 20;

let sliceStart = performance.now();

export async function yieldWhenSliceUsed(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await setImmediate();
  sliceStart = performance.now();
}
