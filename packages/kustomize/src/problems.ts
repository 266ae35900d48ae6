/** How serious an engine problem is: errors lose content, warnings do not. @public */
export type ProblemSeverity = 'error' | 'warning';

/**
 * A problem found while reading or rendering a tree. Problems are collected,
 * never thrown, so one bad file never takes down the rest of the render.
 * @public
 */
export interface EngineProblem {
  /** Stable machine code, e.g. 'yaml-invalid', 'path-escape', 'include-cycle'. */
  code: string;
  severity: ProblemSeverity;
  /** Tree-relative POSIX path ('' for tree-wide problems). */
  file: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** Human message; never contains secret values. */
  message: string;
}

/** Formats a problem as "file:line: message" (line omitted when unknown). @public */
export function formatProblem(p: EngineProblem): string {
  const where = p.file || '<tree>';
  const line = p.line !== undefined ? `:${p.line}` : '';
  const column =
    p.line !== undefined && p.column !== undefined ? `:${p.column}` : '';
  return `${where}${line}${column}: ${p.message}`;
}
