/**
 * The commit an entity's current content was first read at by the catalog
 * module (`flux-portal.io/source-commit`, a 40 or 64 hex Git commit), and
 * when the catalog read it (`flux-portal.io/source-commit-read-at`, ISO 8601
 * UTC). Both stay as they are while the entity's content is unchanged, so a
 * push rewrites only the entities it changed. The status backend compares
 * them with what a cluster fetched and applied ("is my merge deployed").
 */

/** `flux-portal.io/source-commit`: `parseSourceCommit`/`formatSourceCommit`. @public */
export const ANNOTATION_SOURCE_COMMIT = 'flux-portal.io/source-commit';

/**
 * `flux-portal.io/source-commit-read-at`: when the catalog first read the
 * entity's current content (at `flux-portal.io/source-commit`), ISO 8601
 * UTC; `parseSourceCommitReadAt`/`formatSourceCommitReadAt`.
 * @public
 */
export const ANNOTATION_SOURCE_COMMIT_READ_AT =
  'flux-portal.io/source-commit-read-at';

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

/** An ISO 8601 date-time with seconds and a zone (`Z` or `±hh:mm`). */
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A time as the annotation holds it: ISO 8601 UTC with milliseconds, e.g. `2026-12-06T07:30:47.120Z`. @public */
export function formatSourceCommitReadAt(time: Date): string {
  if (Number.isNaN(time.getTime())) throw new Error('Invalid read time');
  return time.toISOString();
}

/**
 * The read time normalized to ISO 8601 UTC (`Date.toISOString`), or
 * undefined when absent or not an ISO 8601 date-time with a zone.
 * @public
 */
export function parseSourceCommitReadAt(
  value: string | undefined,
): string | undefined {
  const text = value?.trim();
  if (!text || !DATE_TIME.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
