import type { EngineProblem, ProblemSeverity } from '@flux-portal/kustomize';

/** A problem located at a file and line (the Flux object's document). */
export function problemAt(
  code: string,
  at: { file: string; line: number },
  message: string,
  severity: ProblemSeverity = 'error',
): EngineProblem {
  return { code, severity, file: at.file, line: at.line, message };
}
