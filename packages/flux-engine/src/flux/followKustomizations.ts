/**
 * Follows Flux Kustomizations the way the cluster would reconcile them:
 * render the entry folder, take the Flux Kustomizations it holds, render each
 * one's spec.path in its source with its overlay and post-build substitution,
 * and take the Flux Kustomizations found in that output in turn.
 *
 * Identity is namespace/name, as in a cluster. A Kustomization found both in
 * the entry render and in the output of another one (flux-system applying
 * the cluster folder it lives in) belongs to the latter. A Kustomization that
 * re-applies one of its own ancestors is a cycle and is reported, not
 * followed.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  type EngineProblem,
  type FileTree,
  resolveTreePath,
  ManifestCache,
  RenderedObject,
  RenderResult,
} from '@flux-portal/kustomize';
import { ConfigIndex } from './ConfigIndex';
import {
  buildFluxKustomization,
  FluxOverlay,
  fluxOverlayOf,
} from './generator';
import { applyPostBuild } from './postBuild';
import { problemAt } from './problem';
import {
  KustomizationSpec,
  Origin,
  classify,
  readKustomization,
} from './readFluxObjects';
import { SourceMapping, resolveSource, sourceKey } from './sources';

/** Where a file lives: which source (mapping) and its tree path. */
export interface Located extends Origin {
  /** 'GitRepository/flux-system/flux-system' style key of the source */
  source: string;
}

export type KustomizationStatus =
  | 'rendered'
  | 'external'
  | 'path-not-found'
  | 'not-rendered';

export interface FollowedKustomization {
  key: string;
  spec: KustomizationSpec;
  definedAt: Located;
  /** key of the Kustomization whose output holds this one; null = entry folder */
  appliedBy: string | null;
  status: KustomizationStatus;
  /** tree path actually rendered when status is 'rendered' */
  renderedDir: string | null;
  objects: RenderedObject[];
  variables: string[];
  secretVariables: string[];
  missingSources: string[];
  renders: number;
}

export interface FollowResult {
  entryObjects: RenderedObject[];
  entrySource: string;
  kustomizations: Map<string, FollowedKustomization>;
  configs: ConfigIndex;
  problems: EngineProblem[];
  unresolved: Array<{ file: string; line?: number; reference: string }>;
}

export interface FollowOptions {
  tree: FileTree;
  entryDir: string;
  sources: SourceMapping[];
  /** one cache per tree, shared across every render of a load */
  caches: Map<FileTree, ManifestCache>;
}

/** A Kustomization is rendered at most this many times (first render + retries). */
const MAX_RENDERS = 3;
/** Kustomizations rendered at once: overlaps one render's file reads with another's parsing. */
const RENDERS_IN_FLIGHT = 8;

interface RawRender {
  status: KustomizationStatus;
  problems: EngineProblem[];
  dir?: string;
  rendered?: RenderResult;
}

export async function followKustomizations(
  options: FollowOptions,
): Promise<FollowResult> {
  const { tree, entryDir, sources, caches } = options;
  const cacheFor = (t: FileTree) => {
    let cache = caches.get(t);
    if (!cache) {
      cache = new ManifestCache();
      caches.set(t, cache);
    }
    return cache;
  };
  const renderFolder = (t: FileTree, dir: string, overlay?: FluxOverlay) =>
    buildFluxKustomization(t, dir, { overlay, cache: cacheFor(t) });
  const selfMapping = sources.find(m => m.tree === tree && m.dir === '');
  const entrySource = selfMapping
    ? `GitRepository/flux-system/${selfMapping.name}`
    : 'entry';
  const result: FollowResult = {
    entryObjects: [],
    entrySource,
    kustomizations: new Map(),
    configs: new ConfigIndex(),
    problems: [],
    unresolved: [],
  };
  const known = result.kustomizations;
  // a FIFO with a read index (shift() is linear) and a membership set
  const queue: FollowedKustomization[] = [];
  let head = 0;
  const queued = new Set<FollowedKustomization>();
  const enqueue = (state: FollowedKustomization) => {
    if (queued.has(state)) return;
    queued.add(state);
    queue.push(state);
  };
  const report = (
    code: string,
    at: Origin,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => result.problems.push(problemAt(code, at, message, severity));

  const isAncestor = (key: string, of: string | null): boolean => {
    const seen = new Set<string>();
    for (
      let k = of;
      k !== null && !seen.has(k);
      k = known.get(k)?.appliedBy ?? null
    ) {
      if (k === key) return true;
      seen.add(k);
    }
    return false;
  };

  const discover = (
    rendered: RenderedObject,
    source: string,
    parent: string | null,
  ) => {
    const read = readKustomization(rendered.object, rendered.origin);
    result.problems.push(...read.problems);
    const spec = read.value;
    if (!spec) return;
    const key = `${spec.namespace}/${spec.name}`;
    const definedAt: Located = { ...rendered.origin, source };
    const existing = known.get(key);
    if (!existing) {
      const state: FollowedKustomization = {
        key,
        spec,
        definedAt,
        appliedBy: parent,
        status: 'not-rendered',
        renderedDir: null,
        objects: [],
        variables: [],
        secretVariables: [],
        missingSources: [],
        renders: 0,
      };
      known.set(key, state);
      enqueue(state);
      return;
    }
    if (key === parent) return; // a Kustomization applying itself (flux-system)
    if (parent !== null && isAncestor(key, parent)) {
      report(
        'kustomization-cycle',
        rendered.origin,
        `Kustomization ${key} is applied again by its descendant ${parent} (cycle); not followed`,
      );
      return;
    }
    const same = isDeepStrictEqual(existing.spec.object, spec.object);
    if (existing.appliedBy === null || existing.appliedBy === parent) {
      // the entry folder's copy belongs to whoever applies it; a re-render of
      // the same parent may have substituted it differently
      if (parent !== null) existing.appliedBy = parent;
      if (!same) {
        existing.spec = spec;
        existing.definedAt = definedAt;
        if (existing.renders < MAX_RENDERS) enqueue(existing);
      }
      return;
    }
    if (!same) {
      report(
        'kustomization-duplicate',
        rendered.origin,
        `Kustomization ${key} is also defined at ${existing.definedAt.file}:${existing.definedAt.line} with a different spec; the first one is used`,
      );
    }
  };

  /**
   * Renders a Kustomization's folder. Only reads; everything that depends on
   * the walk so far (problems order, substitution variables, discovery) is
   * left to settle(), which runs in queue order, so rendering a batch
   * concurrently gives the same result as rendering one by one.
   */
  const renderOutput = async (
    state: FollowedKustomization,
  ): Promise<RawRender> => {
    state.renders++;
    const { spec, definedAt } = state;
    const mapping = resolveSource(spec.sourceRef, sources);
    if (!mapping) return { status: 'external', problems: [] };
    let dir: string;
    try {
      dir = resolveTreePath(mapping.dir, spec.path);
    } catch {
      return {
        status: 'path-not-found',
        problems: [
          problemAt(
            'path-escape',
            definedAt,
            `Kustomization ${state.key}: spec.path escapes its source`,
          ),
        ],
      };
    }
    if ((await mapping.tree.stat(dir)) !== 'dir') {
      return {
        status: 'path-not-found',
        problems: [
          problemAt(
            'path-not-found',
            definedAt,
            `Kustomization ${state.key}: spec.path './${
              spec.path
            }' is not a folder in ${sourceKey(spec.sourceRef)}`,
          ),
        ],
      };
    }
    const overlay = fluxOverlayOf(spec, definedAt);
    const rendered = await renderFolder(mapping.tree, dir, overlay.overlay);
    return {
      status: 'rendered',
      dir,
      rendered,
      problems: [...overlay.problems, ...rendered.problems],
    };
  };

  const settle = (state: FollowedKustomization, raw: RawRender) => {
    result.problems.push(...raw.problems);
    state.status = raw.status;
    if (!raw.rendered) return;
    const { spec, definedAt } = state;
    result.unresolved.push(...raw.rendered.unresolved);
    const postBuild = applyPostBuild(
      spec,
      definedAt,
      raw.rendered.objects,
      result.configs,
    );
    result.problems.push(...postBuild.problems);
    state.renderedDir = raw.dir ?? null;
    state.objects = postBuild.objects;
    state.variables = postBuild.variables;
    state.secretVariables = postBuild.secretVariables;
    state.missingSources = postBuild.missingSources;
    const source = sourceKey(spec.sourceRef);
    for (const o of state.objects) result.configs.add(o.object);
    for (const o of state.objects) {
      if (classify(o.object) === 'kustomization')
        discover(o, source, state.key);
    }
  };

  const entry = await renderFolder(tree, entryDir);
  result.problems.push(...entry.problems);
  result.unresolved.push(...entry.unresolved);
  result.entryObjects = entry.objects;
  for (const o of entry.objects) result.configs.add(o.object);
  for (const o of entry.objects) {
    if (classify(o.object) === 'kustomization') discover(o, entrySource, null);
  }

  // Drain, then retry Kustomizations whose substituteFrom sources turned up
  // later in the walk (Flux would simply reconcile them again).
  for (;;) {
    while (head < queue.length) {
      const batch = queue.slice(head, head + RENDERS_IN_FLIGHT);
      head += batch.length;
      batch.forEach(state => queued.delete(state));
      const raws = await Promise.all(batch.map(renderOutput));
      batch.forEach((state, k) => settle(state, raws[k]));
    }
    const retry = [...known.values()].filter(
      s =>
        s.renders < MAX_RENDERS &&
        s.missingSources.some(ref => {
          const [kind, ns, name] = ref.split('/');
          return result.configs.has(kind, ns, name);
        }),
    );
    if (!retry.length) break;
    retry.forEach(enqueue);
  }
  for (const state of known.values()) {
    for (const ref of state.missingSources) {
      report(
        'substitute-source-missing',
        state.definedAt,
        `Kustomization ${state.key}: postBuild.substituteFrom ${ref} not found in the repository`,
      );
    }
  }
  return result;
}
