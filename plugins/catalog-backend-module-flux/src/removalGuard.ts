/**
 * A refresh that would remove a large share of a provider's entities is far
 * more often a broken read than a real deletion: refuse it and keep the last
 * good set until a read looks sane again.
 */
export interface RemovalDecision {
  allowed: boolean;
  /** the refs of `previous` that `next` lacks */
  removed: string[];
  reason?: string;
}

export function checkRemoval(
  previous: ReadonlySet<string>,
  next: ReadonlySet<string>,
  maxRemovalShare: number,
): RemovalDecision {
  const removed = [...previous].filter(ref => !next.has(ref));
  if (
    previous.size === 0 ||
    removed.length / previous.size <= maxRemovalShare
  ) {
    return { allowed: true, removed };
  }
  const share = Math.round((removed.length / previous.size) * 100);
  return {
    allowed: false,
    removed,
    reason: `the refresh would remove ${removed.length} of ${
      previous.size
    } entities (${share}%, more than the allowed ${Math.round(
      maxRemovalShare * 100,
    )}%)`,
  };
}
