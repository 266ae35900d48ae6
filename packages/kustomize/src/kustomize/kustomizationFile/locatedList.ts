import { EngineProblem } from '../../problems';
import type { LineOf } from './readYamlMapping';
import type { Located } from './types';

/** Reads list field `field` entry by entry, keeping each entry's line. */
export type LocatedListReader = <T>(
  field: string,
  items: unknown,
  map: (v: unknown, i: number) => T | undefined,
) => Located<T>[];

/**
 * A reader of list fields for one file: a field that is not a list, and each
 * entry `map` cannot read, become problems at their line; the rest is kept.
 */
export function locatedListReader(
  file: string,
  lineOf: LineOf,
  problems: EngineProblem[],
): LocatedListReader {
  const invalid = (line: number, message: string) =>
    problems.push({
      code: 'kustomization-invalid',
      severity: 'error',
      file,
      line,
      message,
    });
  return <T>(
    field: string,
    items: unknown,
    map: (v: unknown, i: number) => T | undefined,
  ): Located<T>[] => {
    const out: Located<T>[] = [];
    if (!Array.isArray(items)) {
      if (items !== undefined && items !== null)
        invalid(lineOf(field), `'${field}' must be a list`);
      return out;
    }
    items.forEach((item, i) => {
      const value = map(item, i);
      if (value !== undefined) out.push({ value, line: lineOf(field, i) });
      else invalid(lineOf(field, i), `unreadable entry ${i} of '${field}'`);
    });
    return out;
  };
}
