/**
 * `flux.adminGroups`: groups whose members may reconcile, suspend and
 * resume every entity. They are compared with a user's ownership refs,
 * which are full refs, so anything else would silently never match.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readOrInputError } from './configValues';

const GROUP_REF = /^group:[^:/]+\/[^:/]+$/i;

/** The admin group refs, e.g. `group:default/platform-team`; none when unset. */
export function readAdminGroups(config: Config): string[] {
  const groups =
    readOrInputError(() => config.getOptionalStringArray('flux.adminGroups')) ??
    [];
  groups.forEach((group, index) => {
    if (!GROUP_REF.test(group)) {
      throw new InputError(
        `flux.adminGroups[${index}] must be a group ref such as group:default/platform-team, not '${group}'`,
      );
    }
  });
  return groups;
}
