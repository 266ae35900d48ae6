/**
 * Flux's cross-namespace object references (`sourceRef`, `chartRef`,
 * `chart.spec.sourceRef`): kind and name required, the namespace defaulting
 * to the referring object's, as the controllers resolve them.
 */
import type { NamespacedName } from '../kube/NamespacedName';

/** A namespaced object of one cluster by kind, namespace and name. @public */
export interface ObjectKey extends NamespacedName {
  kind: string;
}

/**
 * Reads a reference from a manifest: undefined when it is not an object with
 * a non-empty string kind and name (hand-written YAML may hold anything).
 * @public
 */
export function readCrossNamespaceRef(
  value: unknown,
  defaultNamespace: string,
): ObjectKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, name, namespace } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  if (!kind || !name) return undefined;
  return {
    kind,
    name,
    namespace:
      typeof namespace === 'string' && namespace ? namespace : defaultNamespace,
  };
}
