/**
 * Entity refs the mapping writes (`spec.owner`, `dependsOn`, API fields), made
 * with Backstage's own `stringifyEntityRef`/`parseEntityRef`, so they are in
 * the catalog's canonical form (lower-case, namespace spelled out).
 */
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogEntity } from './types';

/** The ref of an entity the mapping produced. */
export function entityRef(entity: CatalogEntity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
}

/** The ref of an entity of `kind` named `name` in the default namespace. */
export function defaultNamespaceRef(kind: string, name: string): string {
  return stringifyEntityRef({ kind, namespace: DEFAULT_NAMESPACE, name });
}

/**
 * An owner as written in a manifest or the configuration (`platform-team`,
 * `group:platform-team`, `user:default/jane`) as a full ref; a bare name is a
 * group. A value that is no ref at all is kept as written: the catalog then
 * reports it on the entity, like any other bad owner.
 */
export function ownerRef(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return owner;
  }
}
