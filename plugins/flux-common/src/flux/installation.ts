/**
 * Flux's own installation as `flux install` / `flux bootstrap` writes it:
 * the namespace its controllers and the bootstrap sync objects live in, and
 * the labels every object of the installation carries.
 */
import { APP_INSTANCE_LABEL, APP_PART_OF_LABEL } from '../kube/labels';

/** The namespace of the controllers, and the bootstrap GitRepository/Kustomization's name. @public */
export const FLUX_SYSTEM_NAMESPACE = 'flux-system';

/** `app.kubernetes.io/part-of` on every object of Flux's installation. @public */
export const FLUX_PART_OF_VALUE = 'flux';

/**
 * Whether labels mark an object of Flux's own installation (part-of flux,
 * or instance flux-system as gotk-components.yaml writes it).
 * @public
 */
export function isFluxInstallationLabels(
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return (
    labels?.[APP_PART_OF_LABEL] === FLUX_PART_OF_VALUE ||
    labels?.[APP_INSTANCE_LABEL] === FLUX_SYSTEM_NAMESPACE
  );
}
