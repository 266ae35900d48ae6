/**
 * Typed reads of single config values that fail with an InputError naming
 * the key, so a portal with bad config stops at start-up saying what to fix.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The bounds a number must keep. */
export interface NumberRule {
  min: number;
  integer?: boolean;
}

/**
 * The number at `key`, or `fallback` when it is absent. Numeric strings are
 * numbers, as `${VAR}` substitution always gives strings.
 */
export function readNumber(
  config: Config,
  key: string,
  fallback: number,
  rule: NumberRule,
): number {
  const raw = config.getOptional(key);
  if (raw === undefined) return fallback;
  const value =
    typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < rule.min ||
    (rule.integer && !Number.isInteger(value))
  ) {
    throw new InputError(
      `${key} must be ${rule.integer ? 'an integer' : 'a number'} of at least ${
        rule.min
      }, not ${JSON.stringify(raw)}`,
    );
  }
  return value;
}
