/**
 * Roll-up of many objects' states into one, worst first. The order, from
 * most to least severe, and why:
 *
 *   Failed      something is broken and needs a person.
 *   Stale       the controller seems not to act at all: it may hide failures.
 *   Waiting     blocked by a dependency, i.e. something upstream is not Ready.
 *   Progressing working; usually resolves by itself.
 *   Unknown     no status to judge by: could be anything, so above the known
 *               quiet states.
 *   Suspended   a person chose to pause it.
 *   Ready       all good.
 *
 * An empty set rolls up to Unknown: there is nothing to vouch for.
 */
import { FluxState } from './types';

/** States from most to least severe. @public */
export const STATE_SEVERITY: readonly FluxState[] = [
  'Failed',
  'Stale',
  'Waiting',
  'Progressing',
  'Unknown',
  'Suspended',
  'Ready',
];

/** Negative when `a` is more severe than `b` (sorts worst first). @public */
export function compareStates(a: FluxState, b: FluxState): number {
  return severityIndex(a) - severityIndex(b);
}

function severityIndex(state: FluxState): number {
  const index = STATE_SEVERITY.indexOf(state);
  // Anything unexpected counts as Unknown rather than as healthy.
  return index < 0 ? STATE_SEVERITY.indexOf('Unknown') : index;
}

/** The worst of the states (Unknown for none). @public */
export function rollUpStates(states: Iterable<FluxState>): FluxState {
  let worst: FluxState | undefined;
  for (const state of states) {
    if (worst === undefined || compareStates(state, worst) < 0) {
      worst =
        severityIndex(state) === severityIndex('Unknown') ? 'Unknown' : state;
    }
  }
  return worst ?? 'Unknown';
}

/** How many objects are in each state. @public */
export function countStates(
  states: Iterable<FluxState>,
): Record<FluxState, number> {
  const counts = Object.fromEntries(STATE_SEVERITY.map(s => [s, 0])) as Record<
    FluxState,
    number
  >;
  for (const state of states) {
    counts[STATE_SEVERITY.includes(state) ? state : 'Unknown']++;
  }
  return counts;
}
