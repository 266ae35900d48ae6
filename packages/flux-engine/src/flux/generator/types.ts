import type { Selector } from '@flux-portal/kustomize';

/**
 * The build fields of a Flux Kustomization's spec that kustomize-controller's
 * generator adds on top of the folder before it runs kustomize.
 */
export interface FluxOverlay {
  /** spec.targetNamespace */
  namespace?: string;
  patches?: Array<{ patch: string; target?: Selector }>;
  images?: Array<{
    name: string;
    newName?: string;
    newTag?: string;
    digest?: string;
  }>;
  /** Paths relative to the rendered dir. */
  components?: string[];
  commonMetadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}
