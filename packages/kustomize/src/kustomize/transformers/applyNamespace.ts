import { isMap } from '../json';
import { isClusterScoped, splitApiVersion } from '../resId';
import { Resource } from '../Resource';

/**
 * The `namespace` field: sets metadata.namespace of namespaced objects,
 * renames Namespace objects, and follows kustomize's special cases for
 * role-binding subjects named 'default', APIService and CRD webhook services.
 */
export function applyNamespace(
  resources: readonly Resource[],
  namespace: string | undefined,
): void {
  if (!namespace) return;
  for (const r of resources) {
    const kind = r.kind;
    const { group } = splitApiVersion(r.object.apiVersion);
    if (kind === 'Namespace') {
      r.setName(namespace);
      continue;
    }
    if (!isClusterScoped(kind)) r.setNamespace(namespace);
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      const subjects = r.object.subjects;
      if (Array.isArray(subjects)) {
        for (const s of subjects)
          if (isMap(s) && s.name === 'default') s.namespace = namespace;
      }
    }
    if (kind === 'APIService' && group === 'apiregistration.k8s.io') {
      // kustomize's field spec creates spec.service.namespace.
      if (!isMap(r.object.spec)) r.object.spec = {};
      const spec = r.object.spec as Record<string, unknown>;
      if (!isMap(spec.service)) spec.service = {};
      (spec.service as Record<string, unknown>).namespace = namespace;
    }
    const spec = isMap(r.object.spec) ? r.object.spec : undefined;
    if (
      kind === 'CustomResourceDefinition' &&
      group === 'apiextensions.k8s.io' &&
      spec
    ) {
      const svc = (spec as any).conversion?.webhook?.clientConfig?.service;
      if (isMap(svc)) svc.namespace = namespace;
    }
  }
}
