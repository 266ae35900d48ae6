import { EngineProblem } from '../problems';
import { TreeError } from '../tree';

/**
 * A failed read of a file a kustomization refers to, as a problem at the
 * referring entry: the tree's own code (path-escape, symlink-escape,
 * too-large…), 'file-not-found' for missing files, `fallback` otherwise.
 */
export function treeProblem(
  e: unknown,
  file: string,
  line: number | undefined,
  what: string,
  fallback = 'file-not-found',
): EngineProblem {
  const code = e instanceof TreeError ? e.code : fallback;
  return {
    code: code === 'not-found' ? 'file-not-found' : code,
    severity: 'error',
    file,
    line,
    message: `${what}: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
  };
}
