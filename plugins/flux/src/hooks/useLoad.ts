import { DependencyList, useEffect, useState } from 'react';

/** A value being loaded: loading, failed, or there. */
export type Loaded<T> =
  | { loading: true }
  | { loading: false; error: Error }
  | { loading: false; value: T };

/**
 * Loads a value whenever the dependencies change; an answer that arrives
 * after they changed again (or after unmount) is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [result, setResult] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let cancelled = false;
    load().then(
      value => !cancelled && setResult({ loading: false, value }),
      error => !cancelled && setResult({ loading: false, error }),
    );
    return () => {
      cancelled = true;
    };
    // the caller's dependencies stand for `load`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
