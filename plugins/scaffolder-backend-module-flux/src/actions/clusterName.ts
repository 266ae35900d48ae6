/**
 * Cluster folder name from a name or from the Resource entity ref an entity
 * picker gives (`resource:default/contour`, `resource:contour`).
 */
export function clusterName(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1).replace(/^resource:/i, '');
}
