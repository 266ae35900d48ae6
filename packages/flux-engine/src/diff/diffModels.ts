/**
 * What changes between two loads of a repository (a base and a head), the
 * way a reviewer of a pull request wants it: per Flux Kustomization, the
 * objects it applies that are added, removed or changed (unified YAML
 * diffs) and whether it stops or starts rendering; per HelmRelease, its
 * chart and its composed values. Secret values never appear: model objects
 * are already redacted and values never include Secrets.
 */
import { splitApiVersion } from '@flux-portal/plugin-flux-common';
import { stringify } from 'yaml';
import type {
  ModelHelmRelease,
  ModelKustomization,
  ModelObject,
  MonorepoModel,
} from '../model';
import { unifiedDiff } from './unifiedDiff';

/** @public */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** @public */
export interface ObjectDiff {
  change: ChangeKind;
  apiVersion: string;
  kind: string;
  /** '' for cluster-scoped objects */
  namespace: string;
  name: string;
  /** unified diff of the object's YAML (the whole object when added or removed) */
  diff: string;
}

/** A Kustomization (or the objects only in an entry folder) that changed. @public */
export interface KustomizationDiff {
  cluster: string;
  /** 'namespace/name', or the entry folder for objects no Kustomization applies */
  kustomization: string;
  change: ChangeKind;
  /** set when the render status differs, e.g. rendered → path-not-found */
  status?: {
    before: string | null;
    after: string | null;
    reason: string | null;
  };
  objects: ObjectDiff[];
}

/** @public */
export interface HelmReleaseDiff {
  cluster: string;
  namespace: string;
  name: string;
  change: ChangeKind;
  /** `chart@version` before and after, when that changed */
  chart?: { before: string | null; after: string | null };
  /** unified diff of the composed values as YAML, when they changed */
  values?: string;
}

/** @public */
export interface ModelDiff {
  kustomizations: KustomizationDiff[];
  helmReleases: HelmReleaseDiff[];
}

const toYaml = (value: unknown) => stringify(value, { sortMapEntries: false });

function groupOf(o: ModelObject, entries: Map<string, string>): string {
  return (
    o.provenance.kustomization ?? `(entry ${entries.get(o.cluster) ?? ''})`
  );
}

function objectKey(o: ModelObject): string {
  const { group } = splitApiVersion(o.object.apiVersion);
  const meta = o.object.metadata ?? {};
  return `${group}|${o.object.kind}|${meta.namespace ?? ''}|${meta.name ?? ''}`;
}

/** Objects by cluster and applier, then by identity (group, kind, namespace, name). */
function indexObjects(model: MonorepoModel) {
  const entries = new Map(model.entries.map(e => [e.cluster, e.path]));
  const groups = new Map<string, Map<string, ModelObject>>();
  for (const o of model.objects) {
    const group = `${o.cluster}\u0000${groupOf(o, entries)}`;
    let objects = groups.get(group);
    if (!objects) groups.set(group, (objects = new Map()));
    objects.set(objectKey(o), o);
  }
  return groups;
}

function objectDiff(
  path: string,
  change: ChangeKind,
  before: ModelObject | undefined,
  after: ModelObject | undefined,
): ObjectDiff | undefined {
  const a = before && toYaml(before.object);
  const b = after && toYaml(after.object);
  if (a === b) return undefined;
  const o = (after ?? before)!.object;
  return {
    change,
    apiVersion: o.apiVersion ?? '',
    kind: o.kind ?? '',
    namespace: o.metadata?.namespace ?? '',
    name: o.metadata?.name ?? '',
    diff: unifiedDiff(path, a, b),
  };
}

function diffObjects(
  prefix: string,
  before: Map<string, ModelObject>,
  after: Map<string, ModelObject>,
): ObjectDiff[] {
  const out: ObjectDiff[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    const [group, kind, ns, name] = key.split('|');
    const path = `${prefix}/${[group || 'core', kind, ns || '_', name].join(
      '/',
    )}.yaml`;
    let change: ChangeKind = 'changed';
    if (!a) change = 'added';
    else if (!b) change = 'removed';
    const d = objectDiff(path, change, a, b);
    if (d) out.push(d);
  }
  return out.sort((x, y) =>
    `${x.kind}/${x.namespace}/${x.name}`.localeCompare(
      `${y.kind}/${y.namespace}/${y.name}`,
    ),
  );
}

const ksKey = (k: { cluster: string; namespace: string; name: string }) =>
  `${k.cluster}\u0000${k.namespace}/${k.name}`;

function diffKustomizations(
  base: MonorepoModel,
  head: MonorepoModel,
): KustomizationDiff[] {
  const before = indexObjects(base);
  const after = indexObjects(head);
  const ksBefore = new Map<string, ModelKustomization>(
    base.kustomizations.map(k => [ksKey(k), k]),
  );
  const ksAfter = new Map<string, ModelKustomization>(
    head.kustomizations.map(k => [ksKey(k), k]),
  );
  const keys = new Set([
    ...before.keys(),
    ...after.keys(),
    ...ksBefore.keys(),
    ...ksAfter.keys(),
  ]);
  const out: KustomizationDiff[] = [];
  for (const key of keys) {
    const [cluster, kustomization] = key.split('\u0000');
    const a = ksBefore.get(key);
    const b = ksAfter.get(key);
    const objects = diffObjects(
      `${cluster}/${kustomization}`,
      before.get(key) ?? new Map(),
      after.get(key) ?? new Map(),
    );
    // an added Kustomization that does not render says so too
    const statusChanged =
      a && b
        ? a.status !== b.status
        : b !== undefined && b.status !== 'rendered';
    if (!objects.length && !statusChanged) continue;
    let change: ChangeKind = 'changed';
    if ((a || before.has(key)) && !(b || after.has(key))) change = 'removed';
    else if (!(a || before.has(key))) change = 'added';
    out.push({
      cluster,
      kustomization,
      change,
      ...(statusChanged
        ? {
            status: {
              before: a?.status ?? null,
              after: b?.status ?? null,
              reason: b?.reason ?? null,
            },
          }
        : {}),
      objects,
    });
  }
  return out.sort((x, y) =>
    `${x.cluster}/${x.kustomization}`.localeCompare(
      `${y.cluster}/${y.kustomization}`,
    ),
  );
}

const chartOf = (h: ModelHelmRelease | undefined) =>
  h ? `${h.chart ?? '?'}@${h.version ?? '-'}` : null;

function diffHelmReleases(
  base: MonorepoModel,
  head: MonorepoModel,
): HelmReleaseDiff[] {
  const before = new Map(base.helmReleases.map(h => [ksKey(h), h]));
  const after = new Map(head.helmReleases.map(h => [ksKey(h), h]));
  const out: HelmReleaseDiff[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    const h = (b ?? a)!;
    const path = `${h.cluster}/${h.namespace}/${h.name}/values.yaml`;
    const values = unifiedDiff(
      path,
      a && toYaml(a.values),
      b && toYaml(b.values),
    );
    const chartChanged = chartOf(a) !== chartOf(b);
    if (!values && !chartChanged) continue;
    let change: ChangeKind = 'changed';
    if (!a) change = 'added';
    else if (!b) change = 'removed';
    out.push({
      cluster: h.cluster,
      namespace: h.namespace,
      name: h.name,
      change,
      ...(chartChanged
        ? { chart: { before: chartOf(a), after: chartOf(b) } }
        : {}),
      ...(values ? { values } : {}),
    });
  }
  return out.sort((x, y) =>
    `${x.cluster}/${x.namespace}/${x.name}`.localeCompare(
      `${y.cluster}/${y.namespace}/${y.name}`,
    ),
  );
}

/** The differences from `base` to `head`; both lists empty when the renders are the same. @public */
export function diffModels(
  base: MonorepoModel,
  head: MonorepoModel,
): ModelDiff {
  return {
    kustomizations: diffKustomizations(base, head),
    helmReleases: diffHelmReleases(base, head),
  };
}

/** Whether a diff has anything in it. @public */
export function isEmptyDiff(diff: ModelDiff): boolean {
  return diff.kustomizations.length === 0 && diff.helmReleases.length === 0;
}

/** A diff with nothing in it (a change that was refused renders nothing). @public */
export function emptyDiff(): ModelDiff {
  return { kustomizations: [], helmReleases: [] };
}
