/**
 * The entry folders for a --path. A folder holding Flux objects itself (a
 * kustomization.yaml or YAML files) is one entry, like the path of a
 * `flux bootstrap`. A repository root with a `clusters/` folder instead has
 * one entry per cluster: those are separate reconciliations whose
 * Kustomizations share names, so they must not be rendered together.
 */
import type { FileTree } from '@flux-portal/kustomize';

const YAML = /\.ya?ml$/i;

/** @public */
export interface EntryDir {
  cluster: string;
  dir: string;
}

function basename(dir: string): string {
  return dir.split('/').pop() ?? '';
}

/** @public */
export async function findEntries(
  tree: FileTree,
  path: string,
): Promise<EntryDir[]> {
  const single = [{ cluster: basename(path) || 'root', dir: path }];
  if ((await tree.stat(path)) !== 'dir') return single;
  const entries = await tree.readDir(path);
  if (entries.some(e => e.type === 'file' && YAML.test(e.name))) return single;
  const clustersDir = path ? `${path}/clusters` : 'clusters';
  if (!entries.some(e => e.type === 'dir' && e.name === 'clusters'))
    return single;
  const clusters = (await tree.readDir(clustersDir)).filter(
    e => e.type === 'dir',
  );
  if (!clusters.length) return single;
  return clusters.map(c => ({
    cluster: c.name,
    dir: `${clustersDir}/${c.name}`,
  }));
}
