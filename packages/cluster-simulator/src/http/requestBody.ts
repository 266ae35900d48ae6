/** Reading a request's JSON body, bounded as an apiserver bounds it. */
import { IncomingMessage } from 'node:http';
import { ApiError, badRequest, failure } from '../apiStatus';

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(
            failure(413, 'RequestEntityTooLarge', 'request body too large'),
          ),
        );
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The body as JSON (undefined when empty); a 400 Status when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch (e: any) {
    throw new ApiError(badRequest(`error decoding request body: ${e.message}`));
  }
}
