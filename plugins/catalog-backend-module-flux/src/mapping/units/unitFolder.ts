/** Which folder an object belongs to, and what that folder is. */
import { basename, dirname, stripLeading } from './paths';
import type { UnitRole } from './types';

const INFRA_SEGMENT =
  /^(infra|infrastructure|platform|system|controllers|configs|core)$/i;
/** Folders of an overlay layout that name a variant, not the component. */
const TRIM_SEGMENT = /^(base|app|patches|overlays?)$/;

/** The unit folder of an object file applied by a Kustomization with path `ksPath`. */
export function unitFolder(
  file: string,
  ksPath: string,
): { folder: string; isKustomization: boolean } {
  const base = stripLeading(ksPath);
  const prefix = base ? `${base}/` : '';
  if (file.startsWith(prefix)) {
    const rest = file.slice(prefix.length).split('/');
    if (rest.length >= 2)
      return { folder: `${prefix}${rest[0]}`, isKustomization: false };
    return { folder: base, isKustomization: true };
  }
  // An overlay pulling a base from elsewhere (`../base/podinfo`): the base's folder.
  let folder = dirname(file);
  while (folder && TRIM_SEGMENT.test(basename(folder)))
    folder = dirname(folder);
  return { folder, isKustomization: false };
}

export function roleOf(folder: string): UnitRole {
  return folder.split('/').some(s => INFRA_SEGMENT.test(s))
    ? 'infrastructure'
    : 'app';
}

/** A folder or Kustomization name as an entity name (lower-case, at most 63 characters). */
export function toEntityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-_.]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 63);
}
