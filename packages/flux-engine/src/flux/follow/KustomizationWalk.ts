import { isDeepStrictEqual } from 'node:util';
import { isArtifactGenerator } from '@flux-portal/plugin-flux-common';
import type { RenderedObject } from '@flux-portal/kustomize';
import { applyPostBuild } from '../postBuild';
import { problemAt } from '../problem';
import {
  classify,
  KustomizationSpec,
  Origin,
  readKustomization,
  readRefusedKustomization,
} from '../readFluxObjects';
import { sourceKey } from '../sources';
import type {
  FollowedKustomization,
  FollowResult,
  Located,
  RawRender,
} from './types';

/** A Kustomization is rendered at most this many times (first render + retries). */
export const MAX_RENDERS = 3;

/**
 * The state of one walk: the Kustomizations known by namespace/name, the
 * queue of those to render, and the rules for a Kustomization found again
 * (re-applied by its parent, a cycle, or a conflicting duplicate).
 */
export class KustomizationWalk {
  private readonly queue: FollowedKustomization[] = [];
  // a FIFO with a read index (shift() is linear) and a membership set
  private head = 0;
  private readonly queued = new Set<FollowedKustomization>();
  private generators: Array<{ rendered: RenderedObject; source: string }> = [];

  constructor(readonly result: FollowResult) {}

  private get known() {
    return this.result.kustomizations;
  }

  enqueue(state: FollowedKustomization): void {
    if (this.queued.has(state)) return;
    this.queued.add(state);
    this.queue.push(state);
  }

  /** The next states to render, at most `size`, taken off the queue. */
  nextBatch(size: number): FollowedKustomization[] {
    const batch = this.queue.slice(this.head, this.head + size);
    this.head += batch.length;
    batch.forEach(state => this.queued.delete(state));
    return batch;
  }

  /** ArtifactGenerators found since the last call, to generate before rendering on. */
  takeGenerators(): Array<{ rendered: RenderedObject; source: string }> {
    const taken = this.generators;
    this.generators = [];
    return taken;
  }

  report(code: string, at: Origin, message: string): void {
    this.result.problems.push(problemAt(code, at, message));
  }

  /** Takes the Flux Kustomizations among `objects`, applied by `parent` from `source`. */
  discoverAll(
    objects: RenderedObject[],
    source: string,
    parent: string | null,
  ): void {
    for (const o of objects) this.result.configs.add(o.object);
    for (const o of objects) {
      if (classify(o.object) === 'kustomization')
        this.discover(o, source, parent);
      else if (isArtifactGenerator(o.object))
        this.generators.push({ rendered: o, source });
    }
  }

  /** Records a render's output: post-build substitution, then what it applies. */
  settle(state: FollowedKustomization, raw: RawRender): void {
    const { result } = this;
    result.problems.push(...raw.problems);
    state.status = raw.status;
    state.reason = raw.reason ?? null;
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
    this.discoverAll(state.objects, sourceKey(spec.sourceRef), state.key);
  }

  private newState(
    key: string,
    spec: KustomizationSpec,
    definedAt: Located,
    appliedBy: string | null,
  ): FollowedKustomization {
    return {
      key,
      spec,
      definedAt,
      appliedBy,
      status: 'not-rendered',
      reason: null,
      renderedDir: null,
      objects: [],
      variables: [],
      secretVariables: [],
      missingSources: [],
      renders: 0,
    };
  }

  private isAncestor(key: string, of: string | null): boolean {
    const seen = new Set<string>();
    for (
      let k = of;
      k !== null && !seen.has(k);
      k = this.known.get(k)?.appliedBy ?? null
    ) {
      if (k === key) return true;
      seen.add(k);
    }
    return false;
  }

  private discover(
    rendered: RenderedObject,
    source: string,
    parent: string | null,
  ): void {
    const read = readKustomization(rendered.object, rendered.origin);
    this.result.problems.push(...read.problems);
    const refused = read.value
      ? undefined
      : readRefusedKustomization(rendered.object);
    const spec = read.value ?? refused;
    if (!spec) return;
    const key = `${spec.namespace}/${spec.name}`;
    const definedAt: Located = { ...rendered.origin, source };
    const existing = this.known.get(key);
    if (refused) {
      if (existing) return;
      const error = read.problems.find(p => p.severity === 'error');
      this.known.set(key, {
        ...this.newState(key, spec, definedAt, parent),
        status: 'invalid',
        reason: error?.message ?? 'refused',
      });
      return;
    }
    if (!existing) {
      const state = this.newState(key, spec, definedAt, parent);
      this.known.set(key, state);
      this.enqueue(state);
      return;
    }
    if (key === parent) return; // a Kustomization applying itself (flux-system)
    if (parent !== null && this.isAncestor(key, parent)) {
      this.report(
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
        if (existing.renders < MAX_RENDERS) this.enqueue(existing);
      }
      return;
    }
    if (!same) {
      this.report(
        'kustomization-duplicate',
        rendered.origin,
        `Kustomization ${key} is also defined at ${existing.definedAt.file}:${existing.definedAt.line} with a different spec; the first one is used`,
      );
    }
  }
}
