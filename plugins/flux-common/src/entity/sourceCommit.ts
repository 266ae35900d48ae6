/**
 * The commit the catalog module last read the monorepo at, written on every
 * entity it ingests, so the status backend can tell whether a cluster
 * applied it ("is my merge deployed"): a 40 (or 64) hex Git commit.
 */

/** `flux-portal.io/source-commit`: `parseSourceCommit`/`formatSourceCommit`. @public */
export const ANNOTATION_SOURCE_COMMIT = 'flux-portal.io/source-commit';

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** @public */
export function formatSourceCommit(commit: string): string {
  const value = commit.trim().toLowerCase();
  if (!COMMIT.test(value)) throw new Error(`Invalid commit ${commit}`);
  return value;
}

/** The commit, or undefined when absent or not a full hex commit id. @public */
export function parseSourceCommit(
  value: string | undefined,
): string | undefined {
  const commit = value?.trim().toLowerCase();
  return commit && COMMIT.test(commit) ? commit : undefined;
}
