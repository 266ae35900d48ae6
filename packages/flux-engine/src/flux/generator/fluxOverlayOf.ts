/**
 * Translates a Flux Kustomization's build fields into the FluxOverlay its
 * generator adds to the folder's kustomization before the build. The deprecated
 * v1beta2 fields patchesStrategicMerge and patchesJson6902 are folded into
 * plain patches, as the controller did.
 */
import { stringify } from 'yaml';
import type { EngineProblem, Selector } from '@flux-portal/kustomize';
import type { KustomizationSpec, Origin } from '../readFluxObjects';
import { isRecord } from './isRecord';
import type { FluxOverlay } from './types';

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && v !== null) out[k] = String(v);
  }
  return out;
}

/** @public */
export function fluxOverlayOf(
  ks: KustomizationSpec,
  origin: Origin,
): { overlay: FluxOverlay; problems: EngineProblem[] } {
  const spec = (ks.object.spec ?? {}) as Record<string, unknown>;
  const problems: EngineProblem[] = [];
  const bad = (field: string) =>
    problems.push({
      code: 'flux-invalid',
      severity: 'error',
      file: origin.file,
      line: origin.line,
      message: `Kustomization ${ks.namespace}/${ks.name}: ${field} is malformed and was ignored`,
    });
  const overlay: FluxOverlay = {};
  if (ks.targetNamespace) overlay.namespace = ks.targetNamespace;

  const patches: NonNullable<FluxOverlay['patches']> = [];
  if (spec.patches !== undefined) {
    if (!Array.isArray(spec.patches)) bad('spec.patches');
    else {
      for (const p of spec.patches) {
        if (!isRecord(p) || typeof p.patch !== 'string') {
          bad('a spec.patches entry');
          continue;
        }
        patches.push({
          patch: p.patch,
          ...(isRecord(p.target) ? { target: p.target as Selector } : {}),
        });
      }
    }
  }
  if (Array.isArray(spec.patchesStrategicMerge)) {
    for (const p of spec.patchesStrategicMerge) {
      if (isRecord(p)) patches.push({ patch: stringify(p) });
      else bad('a spec.patchesStrategicMerge entry');
    }
  }
  if (Array.isArray(spec.patchesJson6902)) {
    for (const p of spec.patchesJson6902) {
      if (!isRecord(p) || !Array.isArray(p.patch) || !isRecord(p.target)) {
        bad('a spec.patchesJson6902 entry');
        continue;
      }
      patches.push({
        patch: JSON.stringify(p.patch),
        target: p.target as Selector,
      });
    }
  }
  if (patches.length) overlay.patches = patches;

  if (spec.images !== undefined) {
    if (!Array.isArray(spec.images)) bad('spec.images');
    else {
      overlay.images = [];
      for (const image of spec.images) {
        if (!isRecord(image) || typeof image.name !== 'string') {
          bad('a spec.images entry');
          continue;
        }
        overlay.images.push({
          name: image.name,
          ...(typeof image.newName === 'string'
            ? { newName: image.newName }
            : {}),
          ...(image.newTag !== undefined
            ? { newTag: String(image.newTag) }
            : {}),
          ...(typeof image.digest === 'string' ? { digest: image.digest } : {}),
        });
      }
    }
  }
  if (spec.components !== undefined) {
    if (
      !Array.isArray(spec.components) ||
      spec.components.some(c => typeof c !== 'string')
    ) {
      bad('spec.components');
    } else {
      overlay.components = spec.components as string[];
    }
  }
  if (isRecord(spec.commonMetadata)) {
    const labels = stringMap(spec.commonMetadata.labels);
    const annotations = stringMap(spec.commonMetadata.annotations);
    overlay.commonMetadata = {
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
    };
  }
  return { overlay, problems };
}
