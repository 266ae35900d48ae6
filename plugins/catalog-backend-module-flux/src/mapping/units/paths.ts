/** Repository paths as Flux and kustomize write them (`./apps/`, `apps`). */

/** `./apps/` → `apps`: a Kustomization's `spec.path` as a repository folder. */
export function stripLeading(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/$/, '');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
