/**
 * Places each rendered object in its unit folder, leaving out what no entity
 * stands for: the cluster entry folder, Flux's own objects and installation.
 */
import type {
  ModelKustomization,
  ModelObject,
  MonorepoModel,
} from '@flux-portal/flux-engine';
import { isFluxInstallationLabels } from '@flux-portal/plugin-flux-common';
import { stripLeading } from './paths';
import { unitFolder } from './unitFolder';

export interface PlacedObject {
  o: ModelObject;
  ks: ModelKustomization;
  /** `namespace/name` of the Kustomization applying it */
  ksKey: string;
  folder: string;
  /** the folder is the Kustomization's own path, named after the Kustomization */
  isKustomization: boolean;
  /** the entity name a unit rule gave it (unitRules.ts) */
  name?: string;
  /** the unit's identity when a folder holds several units (unitRules.ts); default the folder */
  key?: string;
}

/** Flux objects (the toolkit, and source-watcher's ArtifactGenerators): plumbing, no entity. */
const FLUX_GROUPS = /\.(toolkit|extensions)\.fluxcd\.io\//;

export const isHelmRelease = (o: ModelObject) =>
  o.object.kind === 'HelmRelease' &&
  (o.object.apiVersion ?? '').startsWith('helm.toolkit.fluxcd.io/');

/**
 * Flux's own installation (`flux bootstrap` writes it to
 * clusters/<name>/flux-system/gotk-components.yaml, every object labelled
 * part-of flux and instance flux-system): the cluster Resource stands for it,
 * it is no service of the monorepo.
 */
function isFluxInstallation(o: ModelObject): boolean {
  return isFluxInstallationLabels(o.object.metadata?.labels);
}

export function placeObjects(
  model: MonorepoModel,
  wanted: ReadonlySet<string> | undefined,
): PlacedObject[] {
  const ksByKey = new Map<string, ModelKustomization>();
  for (const ks of model.kustomizations)
    ksByKey.set(`${ks.cluster}|${ks.namespace}/${ks.name}`, ks);
  const placed: PlacedObject[] = [];
  for (const o of model.objects) {
    if (wanted && !wanted.has(o.cluster)) continue;
    const ksKey = o.provenance.kustomization;
    if (!ksKey) continue; // the cluster entry folder itself: Flux's own plumbing
    if (
      (FLUX_GROUPS.test(o.object.apiVersion ?? '') && !isHelmRelease(o)) ||
      isFluxInstallation(o)
    )
      continue;
    const ks = ksByKey.get(`${o.cluster}|${ksKey}`);
    if (!ks) continue;
    placed.push({ o, ks, ksKey, ...unitFolder(o.provenance.file, ks.path) });
  }
  return placed;
}

/**
 * A Kustomization holding its app's objects directly (one ks.yaml per app)
 * also owns what it pulls from elsewhere: its kustomize components and
 * shared bases are part of that app, not units of their own.
 */
export function foldIntoKustomizationApps(placed: PlacedObject[]): void {
  const holdsObjects = new Set(
    placed.filter(p => p.isKustomization).map(p => p.ks),
  );
  for (const p of placed) {
    if (
      !p.isKustomization &&
      holdsObjects.has(p.ks) &&
      !p.o.provenance.file.startsWith(`${stripLeading(p.ks.path)}/`)
    ) {
      p.folder = stripLeading(p.ks.path);
      p.isKustomization = true;
    }
  }
}
