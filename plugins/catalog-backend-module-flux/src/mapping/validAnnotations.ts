/**
 * Annotation values written through flux-common's formatters, which throw on
 * a value that would not parse back (a cluster folder `Prod`, a name left as
 * `${APP}` by a missing substitution): such an annotation is left out and
 * reported, so one odd name costs one annotation, not the whole ingestion.
 */
import type { MappingContext } from './mappingContext';

/** Formats each value (undefined: no annotation); `file` is where a problem is reported. */
export function validAnnotations(
  context: MappingContext,
  file: string,
  values: Record<string, () => string | undefined>,
): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const [key, format] of Object.entries(values)) {
    try {
      const value = format();
      if (value !== undefined) annotations[key] = value;
    } catch (error) {
      context.problems.push({
        code: 'annotation-invalid',
        severity: 'warning',
        file,
        message: `annotation ${key} left out: ${(error as Error).message}`,
      });
    }
  }
  return annotations;
}
