import type { Kustomization, RenderedObject } from '@flux-portal/kustomize';
import { isRecord } from './isRecord';
import type { FluxOverlay } from './types';

/**
 * Merges a Flux Kustomization's spec into the folder's kustomization the way
 * kustomize-controller's generator does: targetNamespace replaces
 * `namespace`, patches are appended, images replace same-named entries or
 * are appended, components are appended. Returns a new object.
 */
export function mergeFluxOverlay(
  k: Kustomization,
  overlay: FluxOverlay | undefined,
): Kustomization {
  if (!overlay) return k;
  const out: Kustomization = {
    ...k,
    patches: [...k.patches],
    images: [...k.images],
    components: [...k.components],
  };
  if (overlay.namespace) out.namespace = overlay.namespace;
  for (const p of overlay.patches ?? [])
    out.patches.push({ value: { patch: p.patch, target: p.target }, line: 0 });
  for (const image of overlay.images ?? []) {
    const located = { value: { ...image }, line: 0 };
    const index = out.images.findIndex(i => i.value.name === image.name);
    if (index >= 0) out.images[index] = located;
    else out.images.push(located);
  }
  for (const c of overlay.components ?? [])
    out.components.push({ value: c, line: 0 });
  return out;
}

/**
 * spec.commonMetadata: after the build, kustomize-controller sets these labels and annotations
 * on every object's metadata after the build (selectors and templates untouched).
 */
export function applyCommonMetadata(
  objects: RenderedObject[],
  overlay: FluxOverlay | undefined,
): void {
  const meta = overlay?.commonMetadata;
  if (!meta || (!meta.labels && !meta.annotations)) return;
  for (const { object } of objects) {
    if (!isRecord(object.metadata)) object.metadata = {};
    if (meta.labels)
      object.metadata.labels = {
        ...(object.metadata.labels ?? {}),
        ...meta.labels,
      };
    if (meta.annotations)
      object.metadata.annotations = {
        ...(object.metadata.annotations ?? {}),
        ...meta.annotations,
      };
  }
}
