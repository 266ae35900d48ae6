/**
 * A refresh that would remove a large share of a provider's entities is far
 * more often a broken read than a real deletion: refuse it and keep the last
 * good set until a read looks sane again.
 */
export interface RemovalDecision {
  allowed: boolean;
  removed: number;
  reason?: string;
}

export function checkRemoval(
  previous: ReadonlySet<string>,
  next: ReadonlySet<string>,
  maxRemovalShare: number,
): RemovalDecision {
  let removed = 0;
  for (const ref of previous) if (!next.has(ref)) removed++;
  if (previous.size === 0 || removed / previous.size <= maxRemovalShare) {
    return { allowed: true, removed };
  }
  const share = Math.round((removed / previous.size) * 100);
  return {
    allowed: false,
    removed,
    reason: `the refresh would remove ${removed} of ${
      previous.size
    } entities (${share}%, more than the allowed ${Math.round(
      maxRemovalShare * 100,
    )}%)`,
  };
}
