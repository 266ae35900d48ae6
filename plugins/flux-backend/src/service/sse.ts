/**
 * Server-sent events on an Express response. `no-transform` keeps the
 * backend's compression middleware from buffering the stream.
 */
import { Request, Response } from 'express';

export interface SseChannel {
  send(event: string, data: unknown): void;
  onClose(listener: () => void): void;
}

export function openSse(
  req: Request,
  res: Response,
  pingMs = 25000,
): SseChannel {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const closers: Array<() => void> = [];
  const ping = setInterval(() => send('ping', {}), pingMs);
  let closed = false;
  function send(event: string, data: unknown) {
    if (closed) return;
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    (res as any).flush?.();
  }
  req.on('close', () => {
    closed = true;
    clearInterval(ping);
    closers.forEach(close => close());
  });
  return { send, onClose: listener => closers.push(listener) };
}
