import {
  ANNOTATION_OWNER,
  APP_PART_OF_LABEL,
} from '@flux-portal/plugin-flux-common';

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
        [APP_PART_OF_LABEL]: options.partOf,
        ...(options.istioInjection ? { 'istio-injection': 'enabled' } : {}),
      },
      annotations: { [ANNOTATION_OWNER]: options.owner },
    },
  };
}
