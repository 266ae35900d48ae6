/**
 * Annotation keys the portal writes on catalog entities, defined once so the
 * catalog module, the frontend and the CLI agree on names and value formats.
 *
 * Value formats:
 * - lists are comma separated, spaces around items ignored, empty items dropped
 * - a namespaced reference is `namespace/name`
 * - a workload is `kind/namespace/name` (`kind//name` for cluster-scoped)
 */

/** Comma-separated cluster names (`clusters/<name>/`) the entity runs on. @public */
export const ANNOTATION_CLUSTERS = 'flux-portal.io/clusters';
/** `namespace/name` of the Flux Kustomization that applies the entity. @public */
export const ANNOTATION_KUSTOMIZATION = 'flux-portal.io/kustomization';
/** `namespace/name` of the entity's HelmRelease. @public */
export const ANNOTATION_HELM_RELEASE = 'flux-portal.io/helm-release';
/** Comma-separated `kind/namespace/name` of the entity's workloads. @public */
export const ANNOTATION_WORKLOADS = 'flux-portal.io/workloads';
/** Comma-separated `namespace/name` of Flux objects this one depends on. @public */
export const ANNOTATION_DEPENDS_ON = 'flux-portal.io/depends-on';
/** What the entity is in the monorepo, e.g. `app`, `infrastructure`, `cluster`. @public */
export const ANNOTATION_RESOURCE_TYPE = 'flux-portal.io/resource-type';
/** Owner as written in the repository (a team or user reference). @public */
export const ANNOTATION_OWNER = 'flux-portal.io/owner';
/** Backstage's own key used by the Kubernetes plugin to find objects. @public */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** @public */
export interface NamespacedName {
  namespace: string;
  name: string;
}

/** @public */
export interface WorkloadRef {
  kind: string;
  /** '' for cluster-scoped objects */
  namespace: string;
  name: string;
}

// Kubernetes names and namespaces: DNS-1123 subdomain characters. Kinds are
// identifiers. Anything else in an annotation is treated as malformed.
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

/** Splits a comma-separated annotation value. @public */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map(item => item.trim())
    .filter(item => item.length > 0);
}

/** Joins items for a list annotation; items must not contain commas. @public */
export function formatList(items: readonly string[]): string {
  for (const item of items) {
    if (item.includes(',')) {
      throw new Error(`List item "${item}" must not contain a comma`);
    }
  }
  return items.join(',');
}

/** Parses `namespace/name`; undefined when malformed. @public */
export function parseNamespacedName(
  value: string | undefined,
): NamespacedName | undefined {
  if (!value) return undefined;
  const parts = value.trim().split('/');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts;
  if (!NAME.test(namespace) || !NAME.test(name)) return undefined;
  return { namespace, name };
}

/** @public */
export function formatNamespacedName(ref: NamespacedName): string {
  if (!NAME.test(ref.namespace) || !NAME.test(ref.name)) {
    throw new Error(`Invalid namespaced name "${ref.namespace}/${ref.name}"`);
  }
  return `${ref.namespace}/${ref.name}`;
}

/** Parses a list of `namespace/name`, dropping malformed items. @public */
export function parseNamespacedNames(
  value: string | undefined,
): NamespacedName[] {
  return parseList(value)
    .map(parseNamespacedName)
    .filter((ref): ref is NamespacedName => ref !== undefined);
}

/** @public */
export function formatNamespacedNames(refs: readonly NamespacedName[]): string {
  return formatList(refs.map(formatNamespacedName));
}

/** Parses `kind/namespace/name`; undefined when malformed. @public */
export function parseWorkload(value: string): WorkloadRef | undefined {
  const parts = value.trim().split('/');
  if (parts.length !== 3) return undefined;
  const [kind, namespace, name] = parts;
  if (!KIND.test(kind) || !NAME.test(name)) return undefined;
  if (namespace !== '' && !NAME.test(namespace)) return undefined;
  return { kind, namespace, name };
}

/** @public */
export function formatWorkload(ref: WorkloadRef): string {
  if (
    !KIND.test(ref.kind) ||
    !NAME.test(ref.name) ||
    (ref.namespace !== '' && !NAME.test(ref.namespace))
  ) {
    throw new Error(
      `Invalid workload "${ref.kind}/${ref.namespace}/${ref.name}"`,
    );
  }
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/** Parses the workloads annotation, dropping malformed items. @public */
export function parseWorkloads(value: string | undefined): WorkloadRef[] {
  return parseList(value)
    .map(parseWorkload)
    .filter((ref): ref is WorkloadRef => ref !== undefined);
}

/** @public */
export function formatWorkloads(refs: readonly WorkloadRef[]): string {
  return formatList(refs.map(formatWorkload));
}

/** Parses the clusters annotation into cluster names. @public */
export function parseClusters(value: string | undefined): string[] {
  return parseList(value).filter(name => NAME.test(name));
}

/** @public */
export function formatClusters(names: readonly string[]): string {
  for (const name of names) {
    if (!NAME.test(name)) throw new Error(`Invalid cluster name "${name}"`);
  }
  return formatList(names);
}
