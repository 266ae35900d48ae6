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
} from '../model';

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
const INFRA_SEGMENT = /^(infra|infrastructure|platform|system|controllers|configs|core)$/i;
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
export function unitFolder(file: string, ksPath: string): { folder: string; isKustomization: boolean } {
  const base = stripLeading(ksPath);
  const prefix = base ? `${base}/` : '';
  if (file.startsWith(prefix)) {
    const rest = file.slice(prefix.length).split('/');
    if (rest.length >= 2) return { folder: `${prefix}${rest[0]}`, isKustomization: false };
    return { folder: base, isKustomization: true };
  }
  // An overlay pulling a base from elsewhere (`../base/podinfo`): the base's folder.
  let folder = dirname(file);
  while (folder && TRIM_SEGMENT.test(basename(folder))) folder = dirname(folder);
  return { folder, isKustomization: false };
}

function roleOf(folder: string): UnitRole {
  return folder.split('/').some(s => INFRA_SEGMENT.test(s)) ? 'infrastructure' : 'app';
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
  for (const ks of model.kustomizations) ksByKey.set(`${ks.cluster}|${ks.namespace}/${ks.name}`, ks);

  const units = new Map<string, Unit>();
  const hrByObject = new Map<string, ModelHelmRelease>();
  for (const hr of model.helmReleases) {
    hrByObject.set(`${hr.cluster}|${hr.definedAt.file}|${hr.definedAt.line}`, hr);
  }

  for (const o of model.objects) {
    if (wanted && !wanted.has(o.cluster)) continue;
    const ksKey = o.provenance.kustomization;
    if (!ksKey) continue; // the cluster entry folder itself: Flux's own plumbing
    const apiVersion = o.object.apiVersion ?? '';
    const isHelmRelease = o.object.kind === 'HelmRelease' && apiVersion.startsWith('helm.toolkit.fluxcd.io/');
    if (FLUX_GROUPS.test(apiVersion) && !isHelmRelease) continue;
    const ks = ksByKey.get(`${o.cluster}|${ksKey}`);
    if (!ks) continue;
    const { folder, isKustomization } = unitFolder(o.provenance.file, ks.path);
    const name = toEntityName(isKustomization ? ks.name : basename(folder) || ks.name);
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
    if (isHelmRelease) {
      const hr = hrByObject.get(`${o.cluster}|${o.provenance.file}|${o.provenance.line}`);
      if (hr && !unit.helmReleases.includes(hr)) unit.helmReleases.push(hr);
    }
  }
  return [...units.values()];
}
