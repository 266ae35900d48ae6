/** Reading watch responses as raw newline-delimited JSON, the way the wire carries them. */
import { request } from 'node:http';
import { ClusterSimulator } from '../clusterSimulatorApi';

export interface WatchEvent {
  type: string;
  object: any;
}

/** Reads a watch response line by line, as a raw chunked stream. */
export class RawWatch {
  private readonly events: WatchEvent[] = [];
  private waiters: Array<() => void> = [];
  private buffer = '';
  status = 0;
  ended = false;
  readonly done: Promise<void>;
  private req?: ReturnType<typeof request>;

  constructor(url: string, token: string) {
    this.done = new Promise(resolve => {
      this.req = request(
        url,
        { headers: { Authorization: `Bearer ${token}` } },
        res => {
          this.status = res.statusCode ?? 0;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            this.buffer += chunk;
            let nl = this.buffer.indexOf('\n');
            while (nl >= 0) {
              const line = this.buffer.slice(0, nl);
              this.buffer = this.buffer.slice(nl + 1);
              if (line.trim()) this.events.push(JSON.parse(line));
              nl = this.buffer.indexOf('\n');
            }
            this.wake();
          });
          const finish = () => {
            this.ended = true;
            this.wake();
            resolve();
          };
          res.on('end', finish);
          res.on('close', finish);
          res.on('error', finish);
        },
      );
      this.req.on('error', () => {
        this.ended = true;
        this.wake();
        resolve();
      });
      this.req.end();
    });
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach(w => w());
  }

  /** The next event, or undefined when the stream ends or `timeoutMs` passes. */
  async next(timeoutMs = 5000): Promise<WatchEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length === 0 && !this.ended && Date.now() < deadline) {
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events.shift();
  }

  /** Events until one matches, failing after timeoutMs. */
  async until(
    predicate: (e: WatchEvent) => boolean,
    timeoutMs = 5000,
  ): Promise<WatchEvent[]> {
    const seen: WatchEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await this.next(Math.max(1, deadline - Date.now()));
      if (!e)
        throw new Error(
          `watch ended or timed out; saw ${JSON.stringify(
            seen.map(s => s.type),
          )}`,
        );
      seen.push(e);
      if (predicate(e)) return seen;
    }
  }

  close() {
    this.req?.destroy();
  }
}

export function watchUrl(
  sim: ClusterSimulator,
  path: string,
  params: Record<string, string> = {},
): string {
  const url = new URL(`${sim.url}${path}`);
  url.searchParams.set('watch', '1');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
