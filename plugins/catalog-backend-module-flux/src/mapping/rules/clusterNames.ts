/**
 * The name of a cluster's Resource. The engine names a cluster after its
 * entry folder (`clusters/<name>`), which for layouts with a single entry
 * (`kubernetes/flux/cluster`, `flux/`) is a word that names no cluster. In
 * order: `mapping.clusterNames` (by folder name or entry folder); the folder
 * name when it is `clusters/<name>` or not generic; a `CLUSTER_NAME` (or `CLUSTER`) substitution variable
 * the cluster declares (a ConfigMap's data or a Kustomization's
 * `postBuild.substitute`); the last non-generic segment of the entry folder;
 * the caller's fallback (the provider id, the CLI's repository folder name),
 * else `default`.
 */

/** Folder names that say where Flux's entry is, not which cluster it is. */
export const GENERIC_CLUSTER_FOLDERS: ReadonlyArray<string> = [
  'cluster',
  'clusters',
  'flux',
  'flux-system',
  'kubernetes',
  'k8s',
  'kube',
  'gitops',
  'base',
  'root',
];

export const CLUSTER_NAME_VARIABLES: ReadonlyArray<string> = [
  'CLUSTER_NAME',
  'CLUSTER',
];

const isGeneric = (name: string) =>
  !name || GENERIC_CLUSTER_FOLDERS.includes(name.toLowerCase());

export interface ClusterEntry {
  /** the engine's cluster name (entry folder name) */
  cluster: string;
  /** the entry folder */
  path: string;
}

/**
 * `variables`: the substitution variables the cluster declares, by name.
 * The result is not yet an entity name: the caller makes it one.
 */
export function clusterNameOf(
  entry: ClusterEntry,
  configured: Readonly<Record<string, string>>,
  variables: ReadonlyMap<string, string>,
  fallback = 'default',
): string {
  const fromConfig = configured[entry.path] ?? configured[entry.cluster];
  if (fromConfig) return fromConfig;
  // `clusters/<name>`: the folder is the cluster's name, whatever it is
  if (/(^|\/)clusters\/[^/]+$/.test(entry.path) || !isGeneric(entry.cluster))
    return entry.cluster;
  for (const name of CLUSTER_NAME_VARIABLES) {
    const value = variables.get(name);
    if (value && !value.includes('${')) return value;
  }
  const segment = entry.path
    .split('/')
    .reverse()
    .find(s => !isGeneric(s));
  if (segment) return segment;
  return isGeneric(entry.cluster) ? fallback : entry.cluster;
}
