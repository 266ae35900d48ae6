/** Which folder an object belongs to, and what that folder is. */
import { basename, dirname, stripLeading } from './paths';

/** Folders of an overlay layout that name a variant, not the component. */
export const TRIM_SEGMENT = /^(base|app|patches|overlays?)$/;

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
  return { folder: trimVariant(dirname(file)), isKustomization: false };
}

/** `apps/podinfo/base` → `apps/podinfo`: a folder without the segments naming a variant. */
export function trimVariant(folder: string): string {
  let out = folder;
  while (out && TRIM_SEGMENT.test(basename(out))) out = dirname(out);
  return out;
}

/** A folder or Kustomization name as an entity name (lower-case, at most 63 characters). */
export function toEntityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-_.]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 63);
}
