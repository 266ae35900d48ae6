/**
 * One Flux object as the API shows it: derived state, revisions, source,
 * dependencies and (for the entity view) inventory, history and events.
 * Fields are picked one by one so nothing else of the object (HelmRelease
 * values, Secret references' contents) can leak into an answer.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  deriveStatus,
  FluxDependencySummary,
  FluxEventSummary,
  FluxInventoryEntry,
  FluxObjectSummary,
  FluxObjectWithStatus,
  FluxSourceSummary,
  HelmReleaseSnapshot,
  RECONCILE_REQUESTED_AT_ANNOTATION,
  sourceVerificationOf,
} from '@flux-portal/plugin-flux-common';
import { ClusterObjects, SummaryOptions } from './types';
import { sourceOf } from './sourceOf';
import { safeUrl } from './safeUrl';
import { workloadReadiness } from './workloadReadiness';

function derive(
  kind: string,
  obj: KubernetesObject,
  options: SummaryOptions,
  source?: KubernetesObject,
) {
  return deriveStatus(
    { ...(obj as FluxObjectWithStatus), kind },
    {
      now: options.now,
      staleAfterIntervals: options.staleAfterIntervals,
      source: source as FluxObjectWithStatus | undefined,
    },
  );
}

function summarizeSource(
  view: ClusterObjects,
  kind: string,
  obj: KubernetesObject,
  options: SummaryOptions,
) {
  const resolved = sourceOf(kind, obj);
  if (!resolved) return {};
  const artifact = view.get(
    resolved.artifact.kind,
    resolved.artifact.namespace,
    resolved.artifact.name,
  );
  const repository =
    resolved.repository &&
    view.get(
      resolved.repository.kind,
      resolved.repository.namespace,
      resolved.repository.name,
    );
  const summary: FluxSourceSummary = { ...resolved.artifact };
  if (artifact) {
    const status = derive(resolved.artifact.kind, artifact, options);
    summary.state = status.state;
    summary.revision = status.sourceRevision;
    const verification = sourceVerificationOf({
      ...(artifact as any),
      kind: resolved.artifact.kind,
    });
    if (verification) summary.verification = verification;
  } else {
    summary.state = 'Unknown';
  }
  summary.url = safeUrl(
    (repository as any)?.spec?.url ?? (artifact as any)?.spec?.url,
  );
  return { summary, artifact };
}

function summarizeDependencies(
  view: ClusterObjects,
  kind: string,
  obj: KubernetesObject,
  options: SummaryOptions,
): FluxDependencySummary[] {
  const dependsOn = (obj as any).spec?.dependsOn;
  if (!Array.isArray(dependsOn)) return [];
  return dependsOn
    .filter(d => typeof d?.name === 'string')
    .map(d => {
      const namespace =
        typeof d.namespace === 'string' && d.namespace
          ? d.namespace
          : obj.metadata?.namespace ?? '';
      const dependency = view.get(kind, namespace, d.name);
      if (!dependency) {
        return {
          kind,
          namespace,
          name: d.name,
          state: 'Missing' as const,
          message: `${kind} ${namespace}/${d.name} does not exist in the cluster`,
        };
      }
      const status = derive(kind, dependency, options);
      return {
        kind,
        namespace,
        name: d.name,
        state: status.state,
        message: status.message,
      };
    });
}

// Kustomization inventory ids are `<namespace>_<name>_<group>_<kind>`.
function parseInventoryId(
  id: string,
): Omit<FluxInventoryEntry, 'ready'> | undefined {
  const parts = id.split('_');
  if (parts.length !== 4) return undefined;
  const [namespace, name, group, kind] = parts;
  return { namespace, name, group, kind };
}

function summarizeInventory(
  view: ClusterObjects,
  obj: KubernetesObject,
  options: SummaryOptions,
): FluxInventoryEntry[] | undefined {
  const entries = (obj as any).status?.inventory?.entries;
  if (!Array.isArray(entries)) return undefined;
  const result: FluxInventoryEntry[] = [];
  for (const entry of entries) {
    const parsed =
      typeof entry?.id === 'string' ? parseInventoryId(entry.id) : undefined;
    if (!parsed) continue;
    if (
      options.inventoryNamespaces &&
      !options.inventoryNamespaces.has(parsed.namespace)
    )
      continue;
    result.push({
      ...parsed,
      ...workloadReadiness(view, parsed.kind, parsed.namespace, parsed.name),
    });
  }
  return result;
}

function summarizeHistory(
  obj: KubernetesObject,
): HelmReleaseSnapshot[] | undefined {
  const history = (obj as any).status?.history;
  if (!Array.isArray(history)) return undefined;
  return history.slice(0, 10).map((h: any) => ({
    version: h.version,
    status: h.status,
    chartName: h.chartName,
    chartVersion: h.chartVersion,
    appVersion: h.appVersion,
    firstDeployed: h.firstDeployed,
    lastDeployed: h.lastDeployed,
    digest: h.digest,
  }));
}

export function summarizeEvents(
  view: ClusterObjects,
  kind: string,
  namespace: string,
  name: string,
  limit: number,
): FluxEventSummary[] {
  const timestampOf = (e: any): string =>
    e.lastTimestamp ??
    e.eventTime ??
    e.series?.lastObservedTime ??
    e.firstTimestamp ??
    e.metadata?.creationTimestamp ??
    '';
  return view
    .eventsFor(kind, namespace, name)
    .map((e: any) => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.message ?? '',
      timestamp: String(timestampOf(e)),
      count: e.count ?? e.series?.count ?? 1,
      object: { cluster: view.cluster, kind, namespace, name },
    }))
    .sort((a, b) => b.timestamp.localeCompare(a.timestamp))
    .slice(0, limit);
}

export function summarizeObject(
  view: ClusterObjects,
  kind: string,
  obj: KubernetesObject,
  options: SummaryOptions,
): FluxObjectSummary {
  const namespace = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name ?? '';
  const { summary: source, artifact } = summarizeSource(
    view,
    kind,
    obj,
    options,
  );
  const status = derive(kind, obj, options, artifact);
  const summary: FluxObjectSummary = {
    cluster: view.cluster,
    kind,
    namespace,
    name,
    apiVersion: obj.apiVersion ?? '',
    state: status.state,
    reason: status.reason,
    message: status.message,
    suspended: status.suspended,
    retrying: status.retrying,
    drift: status.drift,
    appliedRevision: status.appliedRevision,
    attemptedRevision: status.attemptedRevision,
    sourceRevision: status.sourceRevision,
    interval:
      typeof (obj as any).spec?.interval === 'string'
        ? (obj as any).spec.interval
        : undefined,
    lastReconcileAt: status.lastReconcileAt,
    requestedAt: obj.metadata?.annotations?.[RECONCILE_REQUESTED_AT_ANNOTATION],
    lastHandledReconcileAt: (obj as any).status?.lastHandledReconcileAt,
    source,
    dependsOn: summarizeDependencies(view, kind, obj, options),
  };
  const verification = sourceVerificationOf({ ...(obj as any), kind });
  if (verification) summary.verification = verification;
  if (options.details || options.inventory) {
    summary.inventory = summarizeInventory(view, obj, options);
  }
  if (options.details) {
    summary.history = summarizeHistory(obj);
    summary.events = summarizeEvents(
      view,
      kind,
      namespace,
      name,
      options.eventsPerObject,
    );
  }
  return summary;
}
