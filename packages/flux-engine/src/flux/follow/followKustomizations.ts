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
import { FileTree, ManifestCache } from '@flux-portal/kustomize';
import { EXTERNAL_ARTIFACT_KIND } from '@flux-portal/plugin-flux-common';
import { generateArtifacts, readArtifactGenerator } from '../artifacts';
import { ConfigIndex } from '../ConfigIndex';
import { buildFluxKustomization } from '../generator';
import { resolveSource } from '../sources';
import { describeArtifacts } from './describeArtifacts';
import { KustomizationWalk, MAX_RENDERS } from './KustomizationWalk';
import { renderKustomizationOutput } from './renderKustomizationOutput';
import type { FollowOptions, FollowResult, KnownSources } from './types';

/**
 * Generates the artifacts of the ArtifactGenerators the walk found since the
 * last call (source-watcher runs beside the other controllers: its
 * ExternalArtifacts exist before a Kustomization needs them).
 */
async function generatePending(
  walk: KustomizationWalk,
  known: KnownSources,
  seen: Set<string>,
): Promise<void> {
  for (const { rendered: found, source } of walk.takeGenerators()) {
    const read = readArtifactGenerator(found.object, found.origin);
    walk.result.problems.push(...read.problems);
    const generator = read.value;
    if (!generator) continue;
    const id = `${generator.namespace}/${generator.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const generated = await generateArtifacts(
      generator,
      found.origin,
      known.mappings,
    );
    walk.result.problems.push(...generated.problems);
    known.mappings.push(...generated.mappings);
    for (const [key, why] of generated.notGenerated)
      known.notGenerated.set(key, why);
    walk.result.artifacts.push(
      ...describeArtifacts(generator, generated, {
        ...found.origin,
        source,
      }),
    );
  }
}

/** Kustomizations rendered at once: overlaps one render's file reads with another's parsing. */
const RENDERS_IN_FLIGHT = 8;

/** @public */
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
  const selfMapping = sources.find(m => m.tree === tree && m.dir === '');
  const entrySource = selfMapping
    ? `GitRepository/flux-system/${selfMapping.name}`
    : 'entry';
  const result: FollowResult = {
    entryObjects: [],
    artifacts: [],
    entrySource,
    kustomizations: new Map(),
    configs: new ConfigIndex(),
    problems: [],
    unresolved: [],
  };
  const walk = new KustomizationWalk(result);
  const known: KnownSources = {
    mappings: [...sources],
    self: selfMapping,
    notGenerated: new Map(),
  };
  const generators = new Set<string>();

  const entry = await buildFluxKustomization(tree, entryDir, {
    cache: cacheFor(tree),
  });
  result.problems.push(...entry.problems);
  result.unresolved.push(...entry.unresolved);
  result.entryObjects = entry.objects;
  walk.discoverAll(entry.objects, entrySource, null);
  await generatePending(walk, known, generators);

  // Drain, then retry Kustomizations whose substituteFrom sources turned up
  // later in the walk (Flux would simply reconcile them again).
  for (;;) {
    for (
      let batch = walk.nextBatch(RENDERS_IN_FLIGHT);
      batch.length > 0;
      batch = walk.nextBatch(RENDERS_IN_FLIGHT)
    ) {
      const raws = await Promise.all(
        batch.map(state => renderKustomizationOutput(state, known, cacheFor)),
      );
      batch.forEach((state, k) => walk.settle(state, raws[k]));
      await generatePending(walk, known, generators);
    }
    const retry = [...result.kustomizations.values()].filter(
      s =>
        s.renders < MAX_RENDERS &&
        (s.missingSources.some(ref => {
          const [kind, ns, name] = ref.split('/');
          return result.configs.has(kind, ns, name);
        }) ||
          // an artifact generated after this Kustomization was first seen
          (s.status === 'external' &&
            s.spec.sourceRef.kind === EXTERNAL_ARTIFACT_KIND &&
            resolveSource(s.spec.sourceRef, known.mappings) !== undefined)),
    );
    if (!retry.length) break;
    retry.forEach(state => walk.enqueue(state));
  }
  for (const state of result.kustomizations.values()) {
    for (const ref of state.missingSources) {
      walk.report(
        'substitute-source-missing',
        state.definedAt,
        `Kustomization ${state.key}: postBuild.substituteFrom ${ref} not found in the repository`,
      );
    }
  }
  return result;
}
