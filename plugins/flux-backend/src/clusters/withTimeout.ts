/** Thrown when a cluster does not answer in time. */
export class ClusterTimeoutError extends Error {
  readonly name = 'ClusterTimeoutError';
}

/**
 * Races a request against a timer. client-node's typed APIs take no abort
 * signal, so the request may finish later; its result is then ignored.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ClusterTimeoutError(`${what} timed out after ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
