/**
 * What counts as a deploy, from what the Flux controllers themselves record:
 *
 * - a HelmRelease's release history (`status.history`): every entry is a
 *   Helm release that happened, with the chart version and when;
 * - a Kustomization's Normal event whose message is a change set
 *   ("Deployment/shop/web configured"): kustomize-controller records one
 *   only when the apply changed something, unlike its
 *   "Reconciliation finished" events, which it records on every run.
 */
import type { HelmReleaseSnapshot } from './types';

const CHANGE_LINE = /^[A-Za-z][\w.-]*\/\S+ (created|configured|deleted)$/;

/** The changed objects of a kustomize-controller change-set message; empty when it is not one. @public */
export function changeSetOf(message: string | undefined): string[] {
  if (!message) return [];
  const lines = message
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.every(l => CHANGE_LINE.test(l)) ? lines : [];
}

/** A release's one-line description, e.g. `podinfo@6.5.4 (deployed)`. @public */
export function describeRelease(snapshot: HelmReleaseSnapshot): string {
  const chart = snapshot.chartName ?? 'chart';
  const version = snapshot.chartVersion ? `@${snapshot.chartVersion}` : '';
  return `${chart}${version}${snapshot.status ? ` (${snapshot.status})` : ''}`;
}

/** Whether a release history entry went through: Helm's failed and pending states did not. @public */
export function releaseSucceeded(snapshot: HelmReleaseSnapshot): boolean {
  return snapshot.status === 'deployed' || snapshot.status === 'superseded';
}
