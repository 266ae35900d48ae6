/**
 * Which appliers (Kustomizations and HelmReleases) are made what: one
 * Waiting on a dependency that is Progressing (or just one Progressing when
 * nothing depends on anything), one Suspended, `failedShare` Failed with at
 * least one of each kind, the rest Ready; then whatever depends on a
 * not-Ready object waits, as Flux does not apply it.
 */
import { FluxConditionReason as Reason } from '@flux-portal/plugin-flux-common';
import { ClusterObject } from '../clusterObject';
import { id, ns } from './objectIds';
import { Rng } from './rng';
import { AssignedState, SeededState } from './types';

/** States that keep dependents waiting. */
const BLOCKING: SeededState[] = ['Failed', 'Progressing', 'Waiting'];

export function assignStates(
  rng: Rng,
  appliers: ClusterObject[],
  failedShare: number,
  renderFailed: ReadonlySet<string> = new Set(),
): Map<string, AssignedState> {
  const states = new Map<string, AssignedState>();
  // what does not render fails, whatever else is drawn (set first so no
  // other state is drawn for it, and again below over the Waiting pick)
  const failRenders = () => {
    for (const a of appliers) {
      if (renderFailed.has(id(a)))
        states.set(id(a), { state: 'Failed', reason: Reason.BuildFailed });
    }
  };
  failRenders();
  const free = () => appliers.filter(a => !states.has(id(a)));
  const byRef = (
    owner: ClusterObject,
    dep: { name?: string; namespace?: string },
  ) =>
    appliers.find(
      a =>
        a.kind === owner.kind &&
        a.metadata!.name === dep.name &&
        ns(a) === (dep.namespace ?? ns(owner)),
    );
  const waitingOn = (dependency: ClusterObject): AssignedState => ({
    state: 'Waiting',
    reason: Reason.DependencyNotReady,
    dependency: `${ns(dependency)}/${dependency.metadata!.name}`,
  });

  const waitingCandidates = appliers.filter(a =>
    (a.spec?.dependsOn ?? []).some((d: any) => byRef(a, d)),
  );
  if (waitingCandidates.length > 0) {
    const waiting = rng.pick(waitingCandidates);
    const deps = (waiting.spec.dependsOn as any[])
      .map(d => byRef(waiting, d))
      .filter(Boolean) as ClusterObject[];
    const dependency = rng.pick(deps);
    states.set(id(dependency), {
      state: 'Progressing',
      reason: Reason.Progressing,
    });
    states.set(id(waiting), waitingOn(dependency));
  } else if (appliers.length > 0) {
    states.set(id(rng.pick(appliers)), {
      state: 'Progressing',
      reason: Reason.Progressing,
    });
  }
  const forSuspend = free();
  if (forSuspend.length > 0) {
    states.set(id(rng.pick(forSuspend)), {
      state: 'Suspended',
      reason: 'Suspended',
    });
  }
  const failCount = Math.max(1, Math.round(appliers.length * failedShare));
  // At least one failing Kustomization and HelmRelease when both kinds exist.
  for (const kind of ['Kustomization', 'HelmRelease']) {
    const pool = free().filter(a => a.kind === kind);
    if (pool.length > 0 && failCount > 0)
      states.set(id(rng.pick(pool)), { state: 'Failed', reason: '' });
  }
  while (
    [...states.values()].filter(s => s.state === 'Failed').length < failCount &&
    free().length > 0
  ) {
    states.set(id(rng.pick(free())), { state: 'Failed', reason: '' });
  }
  for (const a of free())
    states.set(id(a), {
      state: 'Ready',
      reason: Reason.ReconciliationSucceeded,
    });
  failRenders();
  // Flux does not apply an object whose dependency is not Ready: whatever
  // depends (transitively) on a Failed, Progressing or Waiting object waits.
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of appliers) {
      if (states.get(id(a))!.state !== 'Ready') continue;
      const blocked = ((a.spec?.dependsOn ?? []) as any[])
        .map(d => byRef(a, d))
        .find(d => d && BLOCKING.includes(states.get(id(d))!.state));
      if (blocked) {
        states.set(id(a), waitingOn(blocked));
        changed = true;
      }
    }
  }
  return states;
}
