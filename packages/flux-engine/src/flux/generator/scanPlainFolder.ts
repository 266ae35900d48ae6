import {
  EngineProblem,
  FileTree,
  Kustomization,
  KUSTOMIZATION_FILE_NAMES,
  Located,
} from '@flux-portal/kustomize';

/**
 * For a folder without kustomization.yaml, lists what kustomize-controller's
 * generator would put into the kustomization it writes: every .yaml/.yml file
 * found walking the folder, and sub-folders that have their own kustomization
 * file (added whole, not descended into). Lexical order, like filepath.Walk.
 */
export async function scanPlainFolder(
  tree: FileTree,
  dir: string,
  problems: EngineProblem[],
): Promise<Kustomization> {
  const resources: Located<string>[] = [];
  const prefix = dir === '' ? '' : `${dir}/`;
  const walk = async (sub: string): Promise<void> => {
    const full = sub === '' ? dir : `${prefix}${sub}`;
    let entries;
    try {
      entries = await tree.readDir(full);
    } catch (e) {
      problems.push({
        code: 'file-not-found',
        severity: 'error',
        file: full,
        message: (e as Error).message,
      });
      return;
    }
    for (const entry of entries) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.type === 'dir') {
        const childFull = `${prefix}${rel}`;
        let hasKustomization = false;
        for (const name of KUSTOMIZATION_FILE_NAMES) {
          try {
            if ((await tree.stat(`${childFull}/${name}`)) === 'file')
              hasKustomization = true;
          } catch {
            // unreadable: treat as plain folder; reading it reports the problem
          }
          if (hasKustomization) break;
        }
        if (hasKustomization) resources.push({ value: rel, line: 0 });
        else await walk(rel);
      } else if (/\.ya?ml$/.test(entry.name)) {
        resources.push({ value: rel, line: 0 });
      }
    }
  };
  await walk('');
  return {
    // No file behind it: problems about its entries name the folder.
    file: dir,
    dir,
    isComponent: false,
    resources,
    components: [],
    patches: [],
    labels: [],
    images: [],
    replicas: [],
    generators: [],
    replacements: [],
  };
}
