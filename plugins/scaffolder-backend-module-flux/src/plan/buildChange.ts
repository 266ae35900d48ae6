import { isDnsLabel } from '@flux-portal/plugin-flux-common';
import type { FileTree } from '@flux-portal/kustomize';
import { unifiedDiff } from '@flux-portal/flux-engine';

/** Text of a file of the tree, or undefined when it does not exist. */
export async function readText(
  tree: FileTree,
  path: string,
): Promise<string | undefined> {
  return (await tree.stat(path)) === 'file'
    ? (await tree.readFile(path)).toString('utf8')
    : undefined;
}

/** Splits `files` into created and modified ones and diffs them, sorted by path. */
export async function describeFiles(
  tree: FileTree,
  files: Record<string, string>,
): Promise<{ created: string[]; modified: string[]; diff: string }> {
  const created: string[] = [];
  const modified: string[] = [];
  let diff = '';
  for (const path of Object.keys(files).sort()) {
    const before = await readText(tree, path);
    (before === undefined ? created : modified).push(path);
    diff += unifiedDiff(path, before, files[path]);
  }
  return { created, modified, diff };
}

/** Why `name` cannot be a new folder (and Kubernetes name), or undefined. */
export function nameProblem(what: string, name: string): string | undefined {
  if (name.length > 63)
    return `${what} name "${name}" is longer than 63 characters`;
  if (!isDnsLabel(name)) {
    return `${what} name "${name}" must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit`;
  }
  return undefined;
}
