/**
 * Config reads that fail as Backstage InputErrors, so a backend with bad
 * `flux.*` or provider config stops at start-up saying what to fix.
 */
import { InputError } from '@backstage/errors';

/**
 * Runs reads through `@backstage/config`, whose errors (missing value, wrong
 * type) already name the key, as InputErrors.
 * @public
 */
export function readOrInputError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError((error as Error).message);
  }
}
