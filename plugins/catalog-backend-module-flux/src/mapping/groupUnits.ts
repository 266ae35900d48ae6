/**
 * Groups the rendered objects of a monorepo into the units that become
 * entities: one per folder under a Flux Kustomization's path (`apps/django`,
 * `infrastructure/postgresql`), or the Kustomization itself when its path holds
 * the objects directly (one `ks.yaml` per app), or the folder an overlay pulls
 * its base from.
 */
import type {
  ModelHelmRelease,
  ModelKustomization,
  ModelObject,
  MonorepoModel,
} from '@flux-portal/flux-engine';

export type UnitRole = 'app' | 'infrastructure';

export interface Unit {
  /** repository folder the unit's manifests live in */
  folder: string;
  /** entity name */
  name: string;
  role: UnitRole;
  clusters: Set<string>;
  /** `namespace/name` of the Flux Kustomizations applying it */
  kustomizations: Set<string>;
  objects: ModelObject[];
  helmReleases: ModelHelmRelease[];
}

const FLUX_GROUPS = /\.toolkit\.fluxcd\.io\//;

/**
 * Flux's own installation (`flux bootstrap` writes it to
 * clusters/<name>/flux-system/gotk-components.yaml, every object labelled
 * part-of flux and instance flux-system): the cluster Resource stands for it,
 * it is no service of the monorepo.
 */
function isFluxInstallation(o: ModelObject): boolean {
  const labels = o.object.metadata?.labels ?? {};
  return (
    labels['app.kubernetes.io/part-of'] === 'flux' ||
    labels['app.kubernetes.io/instance'] === 'flux-system'
  );
}
const INFRA_SEGMENT =
  /^(infra|infrastructure|platform|system|controllers|configs|core)$/i;
/**
 * A folder holding only these (a namespace folder of a ks-per-app layout,
 * cluster-wide substitution variables) is configuration, not a component.
 */
const CONFIGURATION_KINDS = new Set(['Namespace', 'ConfigMap', 'Secret']);
const TRIM_SEGMENT = /^(base|app|patches|overlays?)$/;

function stripLeading(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/$/, '');
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The unit folder of an object file applied by a Kustomization with path `ksPath`. */
export function unitFolder(
  file: string,
  ksPath: string,
): { folder: string; isKustomization: boolean } {
  const base = stripLeading(ksPath);
  const prefix = base ? `${base}/` : '';
  if (file.startsWith(prefix)) {
    const rest = file.slice(prefix.length).split('/');
    if (rest.length >= 2)
      return { folder: `${prefix}${rest[0]}`, isKustomization: false };
    return { folder: base, isKustomization: true };
  }
  // An overlay pulling a base from elsewhere (`../base/podinfo`): the base's folder.
  let folder = dirname(file);
  while (folder && TRIM_SEGMENT.test(basename(folder)))
    folder = dirname(folder);
  return { folder, isKustomization: false };
}

function roleOf(folder: string): UnitRole {
  return folder.split('/').some(s => INFRA_SEGMENT.test(s))
    ? 'infrastructure'
    : 'app';
}

function toEntityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-_.]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 63);
}

export function groupUnits(model: MonorepoModel, clusters?: string[]): Unit[] {
  const wanted = clusters?.length ? new Set(clusters) : undefined;
  const ksByKey = new Map<string, ModelKustomization>();
  for (const ks of model.kustomizations)
    ksByKey.set(`${ks.cluster}|${ks.namespace}/${ks.name}`, ks);

  const units = new Map<string, Unit>();
  const hrByObject = new Map<string, ModelHelmRelease>();
  for (const hr of model.helmReleases) {
    hrByObject.set(
      `${hr.cluster}|${hr.definedAt.file}|${hr.definedAt.line}`,
      hr,
    );
  }

  const isHelmRelease = (o: ModelObject) =>
    o.object.kind === 'HelmRelease' &&
    (o.object.apiVersion ?? '').startsWith('helm.toolkit.fluxcd.io/');
  const placed: Array<{
    o: ModelObject;
    ks: ModelKustomization;
    ksKey: string;
    folder: string;
    isKustomization: boolean;
  }> = [];
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
  // A Kustomization holding its app's objects directly (one ks.yaml per app)
  // also owns what it pulls from elsewhere: its kustomize components and
  // shared bases are part of that app, not units of their own.
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

  for (const { o, ks, ksKey, folder, isKustomization } of placed) {
    const name = toEntityName(
      isKustomization ? ks.name : basename(folder) || ks.name,
    );
    if (!name) continue;
    let unit = units.get(folder);
    if (!unit) {
      unit = {
        folder,
        name,
        role: roleOf(folder),
        clusters: new Set(),
        kustomizations: new Set(),
        objects: [],
        helmReleases: [],
      };
      units.set(folder, unit);
    }
    unit.clusters.add(o.cluster);
    unit.kustomizations.add(ksKey);
    unit.objects.push(o);
    if (isHelmRelease(o)) {
      const hr = hrByObject.get(
        `${o.cluster}|${o.provenance.file}|${o.provenance.line}`,
      );
      if (hr && !unit.helmReleases.includes(hr)) unit.helmReleases.push(hr);
    }
  }
  return [...units.values()].filter(
    unit =>
      !unit.objects.every(o => CONFIGURATION_KINDS.has(o.object.kind ?? '')),
  );
}
