import { LineCounter, YAMLError } from 'yaml';
import { EngineProblem } from '../problems';
import { MAX_ALIAS_COUNT } from './limits';

const firstLine = (message: string) => message.split('\n')[0];

/** A YAML syntax error as a problem at its line and column. */
export function syntaxProblem(
  err: YAMLError,
  lineCounter: LineCounter,
  file: string,
  what = 'YAML',
): EngineProblem {
  const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
  // The parser reports its own stack overflow on absurd nesting as an error.
  const tooDeep = /maximum call stack/i.test(err.message);
  return {
    code: tooDeep ? 'yaml-too-deep' : 'yaml-invalid',
    severity: 'error',
    file,
    line: pos.line,
    column: pos.col,
    message: `invalid ${what}: ${firstLine(err.message)}`,
  };
}

/** A failure converting a parsed document to JSON (alias bombs, mostly). */
export function conversionProblem(
  e: unknown,
  file: string,
  line: number,
): EngineProblem {
  const message = (e as Error)?.message ?? String(e);
  const bomb = /alias/i.test(message);
  return {
    code: bomb ? 'yaml-alias-bomb' : 'yaml-invalid',
    severity: 'error',
    file,
    line,
    message: bomb
      ? `document expands too many aliases (over ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`
      : `invalid YAML: ${firstLine(message)}`,
  };
}
