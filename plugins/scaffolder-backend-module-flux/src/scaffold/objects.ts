/** Annotation keys the catalog reads (see the example README). */
export const OWNER_ANNOTATION = 'flux-portal.io/owner';
export const DESCRIPTION_ANNOTATION = 'flux-portal.io/description';

/** A kustomize.config.k8s.io Kustomization listing resources and patch files. */
export function kustomizationObject(
  resources: string[],
  patches?: string[],
): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    ...(patches ? { patches: patches.map(path => ({ path })) } : {}),
  };
}

/** The Namespace of a service or component, labelled with its group. */
export function namespaceObject(options: {
  name: string;
  partOf: string;
  owner: string;
  istioInjection?: boolean;
}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: options.name,
      labels: {
        'app.kubernetes.io/part-of': options.partOf,
        ...(options.istioInjection ? { 'istio-injection': 'enabled' } : {}),
      },
      annotations: { [OWNER_ANNOTATION]: options.owner },
    },
  };
}
