import type { Selector } from '@flux-portal/kustomize';
import type {
  CommonMetadata,
  ImageOverride,
} from '@flux-portal/plugin-flux-common';

/**
 * The build fields of a Flux Kustomization's spec that kustomize-controller's
 * generator adds on top of the folder before it runs kustomize.
 * @public
 */
export interface FluxOverlay {
  /** spec.targetNamespace */
  namespace?: string;
  patches?: Array<{ patch: string; target?: Selector }>;
  /** spec.images; an entry without a name is reported, not kept */
  images?: Array<ImageOverride & { name: string }>;
  /** Paths relative to the rendered dir. */
  components?: string[];
  commonMetadata?: CommonMetadata;
}
