/**
 * `flux.adminGroups`: groups whose members may reconcile, suspend and
 * resume every entity. They are compared with a user's ownership refs,
 * which are full refs, so anything else would silently never match.
 */
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const GROUP_REF = /^group:[^:/]+\/[^:/]+$/i;

/**
 * The admin group refs, e.g. `group:default/platform-team`; none when unset.
 * For policies of your own built on fluxPolicyDecision.
 * @public
 */
export function readFluxAdminGroups(config: Config): string[] {
  let groups: string[];
  try {
    groups = config.getOptionalStringArray('flux.adminGroups') ?? [];
  } catch (error) {
    // @backstage/config's message names the key and what it got
    throw new InputError((error as Error).message);
  }
  groups.forEach((group, index) => {
    if (!GROUP_REF.test(group)) {
      throw new InputError(
        `flux.adminGroups[${index}] must be a group ref such as group:default/platform-team, not '${group}'`,
      );
    }
  });
  return groups;
}
