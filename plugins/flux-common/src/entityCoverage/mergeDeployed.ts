/**
 * "Is my merge deployed": the commit an entity's current content was first
 * read at by the catalog (E, the catalog module's
 * `flux-portal.io/source-commit`) and when it read it (T_E,
 * `flux-portal.io/source-commit-read-at`) against what a cluster's
 * Kustomization applied (A, `status.lastAppliedRevision`) and what its
 * GitRepository last fetched (F, the artifact revision, fetched at T_F, the
 * artifact's `lastUpdateTime`).
 *
 * E is not the latest commit: an entity keeps the commit its content was
 * first read at while that content is unchanged, so a push rewrites only the
 * entities it changed. A cluster at a newer commit has E deployed when that
 * commit contains E; on a branch that is only pushed to, a revision fetched
 * at or after the catalog read E (T_F ≥ T_E) does. First match wins:
 *
 * | E       | applied A          | fetched F                           | state      |
 * | ------- | ------------------ | ----------------------------------- | ---------- |
 * | absent  | any                | any                                 | `unknown`  |
 * | known   | none yet           | any                                 | `not-yet`  |
 * | known   | not a Git commit   | any                                 | `unknown`  |
 * | known   | E                  | any                                 | `deployed` |
 * | known   | not E              | E (fetched E, still applies A)      | `not-yet`  |
 * | known   | not E              | unknown, or T_E or T_F unknown      | `not-yet`  |
 * | known   | not E              | source pinned (tag, semver, commit) | `not-yet`  |
 * | known   | F                  | at T_F ≥ T_E                        | `deployed` |
 * | known   | not F              | at T_F ≥ T_E (latest not applied)   | `not-yet`  |
 * | known   | not E              | at T_F < T_E (fetched before E)     | `not-yet`  |
 *
 * Commits are equal when one is a prefix of the other (short SHAs). The
 * times come from two clocks (the catalog's, the source-controller's): skew
 * between them shifts the boundary by as much. A force-push that drops E
 * from the branch still reads as `deployed` once a later fetch is applied.
 * Reasons name the commits and, from the time rows on, both times.
 */
import { parseSourceCommitReadAt } from '../entity/sourceCommit';
import { parseRevision } from '../status/revision';

/** @public */
export type MergeDeployedState = 'deployed' | 'not-yet' | 'unknown';

/** @public */
export interface MergeDeployedInput {
  /** The commit the entity's current content was first read at (hex). */
  catalogCommit?: string;
  /** When the catalog read it (ISO 8601, flux-portal.io/source-commit-read-at). */
  catalogReadAt?: string;
  /** The Kustomization's status.lastAppliedRevision. */
  appliedRevision?: string;
  /** Its GitRepository's artifact revision. */
  sourceRevision?: string;
  /** When the GitRepository fetched it: the artifact's lastUpdateTime (ISO 8601). */
  sourceFetchedAt?: string;
  /**
   * False when the GitRepository is pinned to a tag, a semver range or a
   * commit: a later fetch need not contain the catalog's commit, so only the
   * same commit counts. Undefined is taken as following a branch.
   */
  sourceFollowsBranch?: boolean;
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

/** Milliseconds of an ISO 8601 time, or undefined. */
function timeOf(value: string | undefined): number | undefined {
  const iso = parseSourceCommitReadAt(value);
  return iso === undefined ? undefined : Date.parse(iso);
}

/** ISO 8601 UTC, without milliseconds when there are none (Kubernetes' times). */
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Whether the entity's commit is applied (see the module comment). @public */
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
  const E = short(catalogCommit);
  if (!appliedRevision) {
    return {
      state: 'not-yet',
      reason: `nothing applied yet; the catalog read ${E}`,
    };
  }
  const applied = commitOfRevision(appliedRevision);
  if (!applied) {
    return {
      state: 'unknown',
      reason: `applied revision ${appliedRevision} is not a Git commit`,
    };
  }
  const A = short(applied);
  if (sameCommit(applied, catalogCommit)) {
    return {
      state: 'deployed',
      reason: `applied ${A}, the commit the catalog read this entity at`,
    };
  }
  const fetched = commitOfRevision(sourceRevision);
  if (fetched && sameCommit(fetched, catalogCommit)) {
    return {
      state: 'not-yet',
      reason: `fetched ${short(fetched)} but still applies ${A}`,
    };
  }
  if (!fetched) {
    return {
      state: 'not-yet',
      reason: `applied ${A}, the catalog read ${E}; which commit the cluster last fetched is unknown`,
    };
  }
  const F = short(fetched);
  if (input.sourceFollowsBranch === false) {
    return {
      state: 'not-yet',
      reason: `applied ${A}, the catalog read ${E}; the GitRepository is pinned to a tag or commit, so only ${E} itself counts`,
    };
  }
  const readAt = timeOf(input.catalogReadAt);
  const fetchedAt = timeOf(input.sourceFetchedAt);
  if (readAt === undefined || fetchedAt === undefined) {
    const unknown = [
      readAt === undefined ? `when the catalog read ${E}` : '',
      fetchedAt === undefined ? `when the cluster fetched ${F}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return {
      state: 'not-yet',
      reason: `applied ${A}, the catalog read ${E}; ${unknown} ${
        readAt === undefined && fetchedAt === undefined ? 'are' : 'is'
      } unknown, so whether ${A} contains ${E} cannot be told`,
    };
  }
  if (fetchedAt >= readAt) {
    if (sameCommit(applied, fetched)) {
      return {
        state: 'deployed',
        reason: `applied ${F}, fetched at ${at(
          fetchedAt,
        )}, at or after the catalog read ${E} at ${at(
          readAt,
        )}: ${F} contains ${E}`,
      };
    }
    return {
      state: 'not-yet',
      reason: `fetched ${F} at ${at(
        fetchedAt,
      )}, at or after the catalog read ${E} at ${at(
        readAt,
      )}, but still applies ${A}`,
    };
  }
  return {
    state: 'not-yet',
    reason: `the cluster last fetched ${F} at ${at(
      fetchedAt,
    )}, before the catalog read this entity's last change ${E} at ${at(
      readAt,
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
