/**
 * Kubernetes `apiVersion` strings: `group/version`, or just `version` for the
 * core group (`v1`). One implementation, so every package splits them alike.
 */

/** An apiVersion's parts; group is '' for the core group. @public */
export interface GroupVersion {
  group: string;
  version: string;
}

/**
 * Splits `group/version` (core `v1` gives group ''). Anything but a string
 * gives empty parts, since manifests are hand-written and may lack apiVersion.
 * @public
 */
export function splitApiVersion(apiVersion: unknown): GroupVersion {
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = text.indexOf('/');
  return slash < 0
    ? { group: '', version: text }
    : { group: text.slice(0, slash), version: text.slice(slash + 1) };
}

/** The apiVersion of a group and version: `group/version`, or `version` for the core group. @public */
export function joinApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
