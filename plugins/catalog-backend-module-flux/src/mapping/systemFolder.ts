/**
 * The System a unit belongs to when no annotation or `app.kubernetes.io/part-of`
 * label names one: the group folder its layout puts it in.
 *
 * Repositories group apps in a folder under their apps root — by namespace in
 * the home-ops layouts (`kubernetes/apps/<namespace>/<app>/ks.yaml`), by team
 * or domain elsewhere (`apps/<team>/<app>`). That folder is the unit's
 * System. A unit directly under its root (`apps/<app>`) has no group folder:
 * the repository's top folder is used, as before.
 */
import { INFRASTRUCTURE_FOLDERS } from './rules/infrastructure';
import { TRIM_SEGMENT } from './units/unitFolder';

/** Folder names that hold apps or infrastructure in the layouts Flux documents. */
const ROOT_NAMES = new Set(['apps', ...INFRASTRUCTURE_FOLDERS]);

function rootDepth(
  parts: string[],
  roots: ReadonlyArray<string>,
): number | undefined {
  for (const root of roots) {
    const rootParts = root ? root.split('/') : [];
    if (
      parts.length > rootParts.length &&
      rootParts.every((r, i) => r === '*' || r === parts[i])
    )
      return rootParts.length;
  }
  const isRoot = (p: string) => ROOT_NAMES.has(p.toLowerCase());
  let i = parts.findIndex(isRoot);
  if (i < 0) return undefined;
  // `infrastructure/controllers/…`: a run of such names is one root
  while (i + 1 < parts.length && isRoot(parts[i + 1])) i++;
  return i + 1;
}

/**
 * `kubernetes/apps/database/cloudnative-pg` → `database`; `apps/podinfo` and
 * `apps/base/podinfo` → `apps`. `inFile`: the unit is one release file of
 * its folder (`kubernetes/apps/tools/whoami.yaml`), so the folder itself is
 * the group.
 */
export function systemFolderOf(
  unit: { folder: string; inFile: boolean },
  roots: ReadonlyArray<string>,
): string {
  // variant folders (base/, overlays/ …) group nothing
  const parts = unit.folder.split('/').filter(p => p && !TRIM_SEGMENT.test(p));
  if (unit.inFile) parts.push('');
  const depth = rootDepth(parts, roots);
  // a group folder exists when the unit's own folder lies below it
  if (depth !== undefined && parts.length > depth + 1) return parts[depth];
  return parts[0] ?? '';
}
