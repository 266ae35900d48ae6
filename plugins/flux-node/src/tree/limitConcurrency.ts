/**
 * Runs at most `max` tasks at once. Renders start many reads ahead of time;
 * without a cap they would exhaust file descriptors (EMFILE).
 */
export function limitConcurrency(
  max: number,
): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  // A queue read by index: Array#shift is O(n) and tens of thousands of
  // reads may wait here at once.
  let waiting: Array<() => void> = [];
  let head = 0;
  const release = () => {
    active--;
    if (head < waiting.length) {
      const next = waiting[head++];
      if (head > 1024 && head * 2 > waiting.length) {
        waiting = waiting.slice(head);
        head = 0;
      }
      next();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        active++;
        task().then(resolve, reject).finally(release);
      };
      if (active < max) run();
      else waiting.push(run);
    });
}
