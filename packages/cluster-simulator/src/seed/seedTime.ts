/** Times relative to the seeding's `now`. */
import { ClusterObject } from '../clusterObject';
import { intervalMs } from '../fluxConditions';
import { kubeTime } from '../time';

export function minutesAgo(now: Date, minutes: number): string {
  return kubeTime(new Date(now.getTime() - minutes * 60_000));
}

/** The object's spec.interval in whole minutes, at least one. */
export function intervalMinutes(obj: ClusterObject): number {
  return Math.max(1, Math.ceil(intervalMs(obj.spec?.interval) / 60_000));
}
