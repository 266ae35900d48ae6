/** The Events the seeded controllers would have recorded, in the order they happened. */
import { ClusterObject } from '../clusterObject';
import { makeEvent } from '../events';
import { Rng } from './rng';

export class EventRecorder {
  readonly events: ClusterObject[] = [];
  private serial = 1;

  constructor(private readonly rng: Rng) {}

  record(
    obj: ClusterObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    time: string,
    count = 1,
    first?: string,
  ) {
    // Events point at their object by uid too, so give it one now.
    obj.metadata!.uid ??= `${this.rng.hex(8)}-${this.rng.hex(
      4,
    )}-4${this.rng.hex(3)}-8${this.rng.hex(3)}-${this.rng.hex(12)}`;
    this.events.push(
      makeEvent({
        involved: obj,
        type,
        reason,
        message,
        firstTimestamp: first ?? time,
        lastTimestamp: time,
        count,
        serial: this.serial++,
      }),
    );
  }
}
