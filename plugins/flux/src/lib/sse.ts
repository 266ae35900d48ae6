/**
 * A minimal text/event-stream parser (WHATWG "server-sent events" framing):
 * lines `event:`, `data:` (joined with \n), `id:`, comments starting with
 * `:`; a blank line dispatches. Pure, so the reconnect logic and tests can
 * feed it arbitrary chunk boundaries.
 */

/** One dispatched server-sent event. @public */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** Incremental parser: push text chunks, get complete events. @public */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      const width =
        this.buffer[newline] === '\r' && this.buffer[newline + 1] === '\n'
          ? 2
          : 1;
      // A lone \r at the very end may be the first half of \r\n: wait.
      if (this.buffer[newline] === '\r' && newline + 1 === this.buffer.length) {
        break;
      }
      this.buffer = this.buffer.slice(newline + width);
      const dispatched = this.line(line);
      if (dispatched) events.push(dispatched);
      newline = this.buffer.search(/\r\n|\r|\n/);
    }
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = '';
        return undefined;
      }
      const dispatched: SseEvent = {
        event: this.event || 'message',
        data: this.data.join('\n'),
        ...(this.id !== undefined ? { id: this.id } : {}),
      };
      this.event = '';
      this.data = [];
      return dispatched;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    return undefined;
  }
}

/** Exponential backoff with a cap: 1s, 2s, 4s … 30s. @public */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
