/** Answers: JSON bodies, and errors as Kubernetes Status objects. */
import { ServerResponse } from 'node:http';
import { ApiError, badRequest, internalError, KubeStatus } from '../apiStatus';
import { SelectorError } from '../selectors';

export function sendJson(res: ServerResponse, code: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

/** The error as a Status answer; a stream already under way is cut instead. */
export function sendError(res: ServerResponse, error: unknown) {
  let status: KubeStatus;
  if (error instanceof ApiError) status = error.status;
  else if (error instanceof SelectorError) status = badRequest(error.message);
  else status = internalError(String((error as Error)?.message ?? error));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status.code, status);
}
