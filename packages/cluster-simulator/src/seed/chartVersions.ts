/** Chart versions: a concrete one for a constraint, and the one before it. */
import { Rng } from './rng';

/** A concrete chart version for a version constraint ("1.x", ">=2.0.0", "*", "4.5.6"). */
export function resolveChartVersion(
  constraint: string | undefined,
  rng: Rng,
): string {
  const exact = /^v?(\d+\.\d+\.\d+)$/.exec(constraint ?? '');
  if (exact) return exact[1];
  const major = /(\d+)/.exec(constraint ?? '')?.[1] ?? String(rng.int(1, 9));
  return `${major}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
}

export function olderVersion(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.3`;
  return `${Math.max(0, major - 1)}.9.0`;
}
