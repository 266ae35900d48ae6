/**
 * "Is my merge deployed": the commit the catalog last read the monorepo at
 * (the catalog module's `flux-portal.io/source-commit` annotation) against
 * what a cluster's Kustomization applied (`status.lastAppliedRevision`) and
 * what its GitRepository fetched (the artifact revision).
 *
 * | catalog commit | applied revision                 | state      |
 * | -------------- | -------------------------------- | ---------- |
 * | absent         | any                              | `unknown`  |
 * | known          | not a Git commit (OCI, chart)    | `unknown`  |
 * | known          | none yet                         | `not-yet`  |
 * | known          | the same commit                  | `deployed` |
 * | known          | another commit                   | `not-yet`  |
 *
 * Commits are equal when one is a prefix of the other (short SHAs). A
 * cluster at a commit newer than the one the catalog read also shows
 * `not-yet` until the catalog reads the repository again; the reason
 * names both commits.
 */
import { parseRevision } from '../status/revision';

/** @public */
export type MergeDeployedState = 'deployed' | 'not-yet' | 'unknown';

/** @public */
export interface MergeDeployedInput {
  /** The commit the catalog read (hex). */
  catalogCommit?: string;
  /** The Kustomization's status.lastAppliedRevision. */
  appliedRevision?: string;
  /** Its GitRepository's artifact revision. */
  sourceRevision?: string;
}

/** @public */
export interface MergeDeployedDecision {
  state: MergeDeployedState;
  reason: string;
}

/** The Git commit (lower-case hex) of a Flux revision, if it names one. @public */
export function commitOfRevision(
  revision: string | undefined,
): string | undefined {
  if (!revision) return undefined;
  const parsed = parseRevision(revision);
  return parsed.algorithm === 'sha1' && parsed.digest
    ? parsed.digest
    : undefined;
}

function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x);
}

const short = (sha: string) => sha.slice(0, 7);

/** Whether the commit the catalog read is applied (see the module comment). @public */
export function mergeDeployedOf(
  input: MergeDeployedInput,
): MergeDeployedDecision {
  const { catalogCommit, appliedRevision, sourceRevision } = input;
  if (!catalogCommit || !/^[0-9a-fA-F]{7,40}$/.test(catalogCommit)) {
    return {
      state: 'unknown',
      reason: 'the catalog has not recorded which commit it read',
    };
  }
  if (!appliedRevision) {
    return {
      state: 'not-yet',
      reason: `nothing applied yet; the catalog read ${short(catalogCommit)}`,
    };
  }
  const applied = commitOfRevision(appliedRevision);
  if (!applied) {
    return {
      state: 'unknown',
      reason: `applied revision ${appliedRevision} is not a Git commit`,
    };
  }
  if (sameCommit(applied, catalogCommit)) {
    return {
      state: 'deployed',
      reason: `applied ${short(applied)}, the commit the catalog read`,
    };
  }
  const fetched = commitOfRevision(sourceRevision);
  if (fetched && sameCommit(fetched, catalogCommit)) {
    return {
      state: 'not-yet',
      reason: `fetched ${short(fetched)} but still applies ${short(applied)}`,
    };
  }
  return {
    state: 'not-yet',
    reason: `applied ${short(applied)}, the catalog read ${short(
      catalogCommit,
    )}`,
  };
}

/** One state for several Kustomizations: not-yet, then unknown, then deployed. @public */
export function rollUpMergeDeployed(
  states: readonly MergeDeployedState[],
): MergeDeployedState {
  if (states.includes('not-yet')) return 'not-yet';
  if (states.length === 0 || states.includes('unknown')) return 'unknown';
  return 'deployed';
}
