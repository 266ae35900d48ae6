/**
 * Loads a Flux monorepo into the model: Flux Kustomizations (followed from
 * the entry folder), HelmReleases with their composed values, sources, every
 * rendered object with provenance, and all problems. Never throws for bad
 * repository content.
 */
import {
  type EngineProblem,
  FileTree,
  normaliseTreePath,
  ManifestCache,
  type ParseCache,
  type RenderedObject,
} from '@flux-portal/kustomize';
import { splitApiVersion } from '@flux-portal/plugin-flux-common';
import { checkDependsOn } from '../flux/dependsOn';
import { FollowResult, followKustomizations } from '../flux/follow';
import { classify, readHelmRelease, readSource } from '../flux/readFluxObjects';
import {
  SourceMapping,
  resolveSource,
  sourceKey,
  withSelfSource,
} from '../flux/sources';
import { findEntries } from './findEntries';
import { composeValues } from './helmValues';
import { redactSecret } from './redactSecrets';
import type {
  ModelExternalSource,
  ModelHelmRelease,
  ModelKustomization,
  ModelObject,
  ModelSource,
  MonorepoModel,
} from './types';

/** @public */
export interface LoadOptions {
  /** folder of the tree to start from ('' = root): repo root, a cluster folder, ... */
  path?: string;
  /**
   * Local folders standing for Flux sources. The tree root is the
   * GitRepository 'flux-system' unless a mapping here already covers it.
   */
  sources?: SourceMapping[];
  /**
   * Parses kept from an earlier load of the same repository (a re-read after
   * a push): files of `tree` whose content is unchanged are not parsed again.
   */
  parseCache?: ParseCache;
}

function objectId(obj: RenderedObject['object']): string {
  const { group } = splitApiVersion(obj.apiVersion);
  return `${group}|${obj.kind}|${obj.metadata?.namespace ?? ''}|${
    obj.metadata?.name ?? ''
  }`;
}

function problemId(p: EngineProblem): string {
  return `${p.code}|${p.file}|${p.line ?? ''}|${p.message}`;
}

/** @public */
export async function loadMonorepo(
  tree: FileTree,
  options: LoadOptions = {},
): Promise<MonorepoModel> {
  const { parseCache } = options;
  if (!parseCache) return loadWith(tree, options, new Map());
  parseCache.beginLoad();
  try {
    // Only the repository's own tree: the cache is keyed by path.
    return await loadWith(
      tree,
      options,
      new Map([[tree, new ManifestCache({ parseCache })]]),
    );
  } finally {
    parseCache.endLoad();
  }
}

async function loadWith(
  tree: FileTree,
  options: LoadOptions,
  caches: Map<FileTree, ManifestCache>,
): Promise<MonorepoModel> {
  const path = normaliseTreePath(options.path ?? '');
  const sources = withSelfSource(tree, options.sources ?? []);
  const model: MonorepoModel = {
    entries: [],
    kustomizations: [],
    helmReleases: [],
    sources: [],
    externalSources: [],
    artifacts: [],
    objects: [],
    unresolved: [],
    problems: [],
  };
  const seenProblems = new Set<string>();
  // a file rendered by several Kustomizations reports its references once
  const seenUnresolved = new Set<string>();
  const addProblems = (problems: EngineProblem[]) => {
    for (const p of problems) {
      const id = problemId(p);
      if (!seenProblems.has(id)) {
        seenProblems.add(id);
        model.problems.push(p);
      }
    }
  };

  if ((await tree.stat(path)) !== 'dir') {
    addProblems([
      {
        code: 'path-not-found',
        severity: 'error',
        file: path,
        message: `'${path || '.'}' is not a folder in ${tree.description}`,
      },
    ]);
    return model;
  }

  for (const entry of await findEntries(tree, path)) {
    model.entries.push({ cluster: entry.cluster, path: entry.dir });
    const followed = await followKustomizations({
      tree,
      entryDir: entry.dir,
      sources,
      caches,
    });
    addProblems(followed.problems);
    for (const u of followed.unresolved) {
      const id = `${u.file}|${u.line ?? ''}|${u.reference}`;
      if (!seenUnresolved.has(id)) {
        seenUnresolved.add(id);
        model.unresolved.push(u);
      }
    }
    addCluster(model, entry.cluster, followed, sources, addProblems);
  }
  return model;
}

function addCluster(
  model: MonorepoModel,
  cluster: string,
  followed: FollowResult,
  mappings: SourceMapping[],
  addProblems: (p: EngineProblem[]) => void,
) {
  const objects: ModelObject[] = [];
  const applied = new Set<string>();
  for (const ks of followed.kustomizations.values()) {
    for (const o of ks.objects) {
      applied.add(objectId(o.object));
      objects.push({
        cluster,
        object: o.object,
        provenance: {
          kustomization: ks.key,
          source: sourceKey(ks.spec.sourceRef),
          file: o.origin.file,
          line: o.origin.line,
        },
      });
    }
  }
  for (const o of followed.entryObjects) {
    if (applied.has(objectId(o.object))) continue;
    objects.push({
      cluster,
      object: o.object,
      provenance: {
        kustomization: null,
        source: followed.entrySource,
        file: o.origin.file,
        line: o.origin.line,
      },
    });
  }

  const kustomizations: ModelKustomization[] = [];
  const external = new Map<string, ModelExternalSource>();
  for (const ks of followed.kustomizations.values()) {
    const { spec } = ks;
    kustomizations.push({
      cluster,
      namespace: spec.namespace,
      name: spec.name,
      path: spec.path,
      sourceRef: spec.sourceRef,
      dependsOn: spec.dependsOn,
      interval: spec.interval,
      targetNamespace: spec.targetNamespace,
      prune: spec.prune,
      suspend: spec.suspend,
      status: ks.status,
      reason: ks.reason,
      renderedPath: ks.renderedDir,
      appliedBy: ks.appliedBy,
      definedAt: ks.definedAt,
      substitutions: {
        variables: ks.variables,
        fromSecrets: ks.secretVariables,
      },
      objectCount: ks.objects.length,
    });
    if (ks.status === 'external') {
      const key = sourceKey(spec.sourceRef);
      const ext = external.get(key) ?? {
        cluster,
        ...spec.sourceRef,
        url: null,
        referencedBy: [],
      };
      ext.referencedBy.push(ks.key);
      external.set(key, ext);
    }
  }
  addProblems(
    checkDependsOn(
      'Kustomization',
      kustomizations.map(k => ({
        key: `${k.namespace}/${k.name}`,
        dependsOn: k.dependsOn.map(d => `${d.namespace}/${d.name}`),
        origin: k.definedAt,
      })),
    ),
  );

  const helmReleases: ModelHelmRelease[] = [];
  const sources: ModelSource[] = [];
  for (const o of objects) {
    const kind = classify(o.object);
    const origin = { file: o.provenance.file, line: o.provenance.line };
    const definedAt = { source: o.provenance.source, ...origin };
    if (kind === 'helmrelease') {
      const read = readHelmRelease(o.object, origin);
      addProblems(read.problems);
      if (!read.value) continue;
      const hr = read.value;
      const composed = composeValues(hr, origin, followed.configs);
      addProblems(composed.problems);
      helmReleases.push({
        cluster,
        namespace: hr.namespace,
        name: hr.name,
        chart: hr.chart,
        version: hr.version,
        sourceRef: hr.sourceRef ?? hr.chartRef,
        chartRef: hr.chartRef,
        dependsOn: hr.dependsOn,
        releaseName: hr.releaseName,
        targetNamespace: hr.targetNamespace,
        suspend: hr.suspend,
        values: composed.values,
        valuesFrom: composed.valuesFrom,
        appliedBy: o.provenance.kustomization,
        definedAt,
      });
    } else if (kind === 'source') {
      const read = readSource(o.object, origin);
      addProblems(read.problems);
      if (!read.value) continue;
      const s = read.value;
      const ref = { kind: s.type, namespace: s.namespace, name: s.name };
      const ext = external.get(sourceKey(ref));
      if (ext) ext.url = s.url;
      sources.push({
        cluster,
        type: s.type,
        namespace: s.namespace,
        name: s.name,
        url: s.url,
        ref: s.ref,
        chart: s.chart,
        version: s.version,
        local: resolveSource(ref, mappings) !== undefined,
        appliedBy: o.provenance.kustomization,
        definedAt,
      });
    }
  }
  fillChartRefs(helmReleases, sources);
  addProblems(
    checkDependsOn(
      'HelmRelease',
      helmReleases.map(h => ({
        key: `${h.namespace}/${h.name}`,
        dependsOn: h.dependsOn.map(d => `${d.namespace}/${d.name}`),
        origin: h.definedAt,
      })),
    ),
  );

  model.kustomizations.push(...kustomizations);
  model.helmReleases.push(...helmReleases);
  model.sources.push(...sources);
  model.externalSources.push(...external.values());
  model.artifacts.push(...followed.artifacts.map(a => ({ cluster, ...a })));
  model.objects.push(
    ...objects.map(o => ({ ...o, object: redactSecret(o.object) })),
  );
}

/**
 * A chartRef HelmRelease names its chart through the referenced object: an
 * OCIRepository (chart = last URL segment, version = its tag or semver) or a
 * HelmChart (its chart and version).
 */
function fillChartRefs(
  helmReleases: ModelHelmRelease[],
  sources: ModelSource[],
) {
  const byRef = new Map(
    sources.map(s => [`${s.type}/${s.namespace}/${s.name}`, s]),
  );
  for (const hr of helmReleases) {
    if (!hr.chartRef) continue;
    const { kind, namespace, name } = hr.chartRef;
    const target = byRef.get(`${kind}/${namespace}/${name}`);
    if (target?.type === 'OCIRepository') {
      hr.chart = target.url?.split('/').pop() ?? null;
      const refText = target.ref ?? '';
      hr.version = /^(tag|semver):/.test(refText)
        ? refText.slice(refText.indexOf(':') + 1)
        : null;
    } else if (target?.type === 'HelmChart') {
      hr.chart = target.chart;
      hr.version = target.version;
    }
  }
}
