/**
 * What one entity is, in order (the README's "What an entity is"):
 *
 * 1. an explicit `flux-portal.io/entity: <name>` annotation on a manifest:
 *    the objects carrying one name form that entity, at the folder named
 *    like it, else the first of their folders (objects of that folder join it);
 * 2. a per-app Flux Kustomization (its path holds the objects directly,
 *    `ks.yaml` + `app/`): the Kustomization, named after it — unless its path
 *    holds several HelmReleases in flat files (rule 3);
 * 3. a HelmRelease: the folder holding it (without `base/`, `app/` …), when
 *    that is deeper than the folder the Kustomization's layout gives
 *    (`kubernetes/apps/<namespace>/<app>/helmrelease.yaml` under one `apps`
 *    Kustomization), named after the HelmRelease when it is the folder's only one;
 *    and in a folder of several HelmReleases each in a file of its own, none
 *    named like the folder, each release with its file's objects;
 * 4. a folder under a configured apps or infrastructure root
 *    (`mapping.appsRoots`, `mapping.infrastructureRoots`); without one, the
 *    first folder under the Kustomization's path (`apps/<svc>`), or the folder
 *    an overlay pulls its base from;
 * 5. the `app.kubernetes.io/name` label, naming an entity whose folder is
 *    the path of a Kustomization shared by several folders' objects.
 *
 * Pure: works on placed objects only.
 */
import {
  ANNOTATION_ENTITY,
  APP_NAME_LABEL,
} from '@flux-portal/plugin-flux-common';
import { folderUnderRoot, MappingRules } from '../rules/mappingRules';
import { basename, dirname } from './paths';
import type { PlacedObject } from './placeObjects';
import { isHelmRelease } from './placeObjects';
import { trimVariant } from './unitFolder';

const isBelow = (file: string, folder: string) =>
  folder === '' || file.startsWith(`${folder}/`);

/** Rule 4: a configured root's folder replaces the layout's folder. */
function applyRoots(placed: PlacedObject[], rules: MappingRules): void {
  const roots = [...rules.appsRoots, ...rules.infrastructureRoots];
  if (!roots.length) return;
  for (const p of placed) {
    if (p.isKustomization) continue;
    const folder = folderUnderRoot(p.o.provenance.file, roots);
    if (folder) p.folder = folder;
  }
}

/**
 * Rule 3, flat files: a folder (or a Kustomization's path) holding several
 * HelmReleases, each in a file of its own, none named like the folder or the
 * Kustomization (`kubernetes/apps/<namespace>/{grafana,loki}.yaml`,
 * `infrastructure/controllers/{cert-manager,ingress-nginx}.yaml`): each
 * release with the objects of its file is an entity; the folder's other
 * objects stay together.
 */
function splitFlatHelmReleases(placed: PlacedObject[]): void {
  const byFolder = new Map<string, PlacedObject[]>();
  for (const p of placed) {
    const list = byFolder.get(p.folder) ?? [];
    byFolder.set(p.folder, list);
    list.push(p);
  }
  for (const [folder, list] of byFolder) {
    const releaseOfFile = new Map<string, string | undefined>();
    for (const p of list.filter(q => isHelmRelease(q.o))) {
      const file = p.o.provenance.file;
      const name = p.o.object.metadata?.name ?? '';
      // a file with two releases names no single one
      releaseOfFile.set(
        file,
        releaseOfFile.has(file) && releaseOfFile.get(file) !== name
          ? undefined
          : name,
      );
    }
    const releases = [...releaseOfFile.values()];
    const unitName = list[0].isKustomization ? list[0].ks.name : undefined;
    if (
      releases.length < 2 ||
      releases.some(r => !r || r === basename(folder) || r === unitName)
    )
      continue;
    for (const p of list) {
      const release = releaseOfFile.get(p.o.provenance.file);
      if (!release) continue;
      p.key = `${folder}#${release}`;
      p.name = release;
      p.isKustomization = false;
    }
  }
}

/** Rule 3: the folder of a HelmRelease, when deeper than the layout's folder. */
function applyHelmReleases(placed: PlacedObject[]): void {
  // HelmRelease folders by Kustomization, with the releases in each
  const byKs = new Map<string, Map<string, string[]>>();
  for (const p of placed) {
    if (p.isKustomization || !isHelmRelease(p.o)) continue;
    const folder = trimVariant(dirname(p.o.provenance.file));
    if (folder === p.folder || !isBelow(folder, p.folder)) continue;
    const folders = byKs.get(p.ksKey) ?? new Map<string, string[]>();
    byKs.set(p.ksKey, folders);
    folders.set(folder, [
      ...(folders.get(folder) ?? []),
      p.o.object.metadata?.name ?? '',
    ]);
  }
  for (const p of placed) {
    const folders = byKs.get(p.ksKey);
    if (!folders || p.isKustomization) continue;
    let best: string | undefined;
    for (const folder of folders.keys())
      if (
        isBelow(p.o.provenance.file, folder) &&
        isBelow(folder, p.folder) &&
        (!best || folder.length > best.length)
      )
        best = folder;
    if (!best) continue;
    const releases = folders.get(best)!;
    p.folder = best;
    p.name = releases.length === 1 ? releases[0] : basename(best);
  }
}

/**
 * Rule 5: objects placed at a Kustomization's own path while the same
 * Kustomization also applies sub-folders (so the path is no per-app
 * Kustomization) are named by their `app.kubernetes.io/name` label, when
 * they all carry the same one.
 */
function applyNameLabel(placed: PlacedObject[]): void {
  const withSubFolders = new Set(
    placed.filter(p => !p.isKustomization).map(p => p.ksKey),
  );
  const atPath = placed.filter(
    p => p.isKustomization && withSubFolders.has(p.ksKey),
  );
  const labels = new Map<string, Set<string>>();
  for (const p of atPath) {
    const set = labels.get(p.ksKey) ?? new Set<string>();
    labels.set(p.ksKey, set);
    set.add(String(p.o.object.metadata?.labels?.[APP_NAME_LABEL] ?? ''));
  }
  for (const p of atPath) {
    const [label, ...others] = labels.get(p.ksKey)!;
    if (label && !others.length) p.name = label;
  }
}

/**
 * Rule 1: the entity annotation, over everything else. The objects of one
 * name gather at the folder named like it, else the first of their folders.
 */
function applyEntityAnnotation(placed: PlacedObject[]): void {
  const folders = new Map<string, string[]>();
  const annotated: Array<[PlacedObject, string]> = [];
  for (const p of placed) {
    const name = p.o.object.metadata?.annotations?.[ANNOTATION_ENTITY];
    if (typeof name !== 'string' || !name) continue;
    annotated.push([p, name]);
    const list = folders.get(name) ?? [];
    folders.set(name, list);
    list.push(trimVariant(dirname(p.o.provenance.file)));
  }
  for (const [p, name] of annotated) {
    const list = folders.get(name)!;
    p.folder = list.find(f => basename(f) === name) ?? list[0];
    p.key = undefined;
    p.name = name;
    p.isKustomization = false;
  }
}

/** Applies the rules to the layout's placement, lowest precedence first. */
export function applyUnitRules(
  placed: PlacedObject[],
  rules: MappingRules,
): void {
  applyNameLabel(placed);
  applyRoots(placed, rules);
  applyHelmReleases(placed);
  splitFlatHelmReleases(placed);
  applyEntityAnnotation(placed);
}
