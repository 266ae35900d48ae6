/**
 * The annotations of a unit's entity: where it lives (location annotations),
 * what Flux runs it as (for the Flux status plugins) and how Backstage's
 * Kubernetes plugin finds its objects.
 */
import {
  ANNOTATION_KUSTOMIZATION_SHARED_BY,
  formatSharedBy,
  APP_NAME_LABEL,
  ANNOTATION_CHART,
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_WORKLOADS,
  formatChart,
  formatClusters,
  formatEqualitySelector,
  formatNamespacedName,
  formatWorkloads,
  parseNamespacedName,
  WorkloadRef,
} from '@flux-portal/plugin-flux-common';
import { isWorkload } from './configValues';
import type { MappingContext } from './mappingContext';
import type { Unit } from './units/types';
import { unitLabel } from './units/unitMeta';
import { validAnnotations } from './validAnnotations';

/** The Kustomization a unit's annotation names: the first of those applying it. */
export function deployerOf(unit: Unit): string | undefined {
  return [...unit.kustomizations].sort()[0];
}

/** How many units each Kustomization deploys (as deployerOf names it). */
export function countDeployed(units: Iterable<Unit>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of units) {
    const key = deployerOf(unit);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function unitAnnotations(
  unit: Unit,
  context: MappingContext,
  deployed: ReadonlyMap<string, number> = new Map(),
): Record<string, string> {
  const hr = unit.helmReleases[0];
  const deployer = deployerOf(unit);
  const workloads = workloadsOf(unit);
  const appName = unitLabel(unit, APP_NAME_LABEL);
  const namespaces = namespacesOf(unit);
  return {
    ...context.locate(unit.folder, `${unit.folder}/kustomization.yaml`),
    ...validAnnotations(context, unit.folder, {
      [ANNOTATION_CLUSTERS]: () =>
        formatClusters([...unit.clusters].map(context.clusterName).sort()),
      [ANNOTATION_KUSTOMIZATION]: () =>
        deployer && formatKustomization(deployer),
      [ANNOTATION_KUSTOMIZATION_SHARED_BY]: () =>
        deployer && formatSharedBy(deployed.get(deployer) ?? 1),
      [ANNOTATION_KUBERNETES_ID]: () => unit.name,
      [ANNOTATION_HELM_RELEASE]: () =>
        hr && formatNamespacedName({ namespace: hr.namespace, name: hr.name }),
      [ANNOTATION_WORKLOADS]: () =>
        workloads.length ? formatWorkloads(workloads) : undefined,
      [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: () =>
        appName && formatEqualitySelector({ [APP_NAME_LABEL]: appName }),
      [ANNOTATION_KUBERNETES_NAMESPACE]: () =>
        namespaces.length === 1 ? namespaces[0] : undefined,
      [ANNOTATION_CHART]: () =>
        hr?.chart
          ? formatChart({ chart: hr.chart, version: hr.version ?? undefined })
          : undefined,
    }),
  };
}

/** A Kustomization key (`namespace/name`) checked by flux-common's parser and formatter. */
function formatKustomization(key: string): string {
  const ref = parseNamespacedName(key);
  if (!ref) throw new Error(`Invalid namespaced name "${key}"`);
  return formatNamespacedName(ref);
}

/** The unit's workloads, sorted, once each. */
function workloadsOf(unit: Unit): WorkloadRef[] {
  const byKey = new Map<string, WorkloadRef>();
  for (const { object } of unit.objects) {
    if (!isWorkload(object)) continue;
    const ref = {
      kind: object.kind ?? '',
      namespace: object.metadata?.namespace ?? '',
      name: object.metadata?.name ?? '',
    };
    byKey.set(`${ref.kind}/${ref.namespace}/${ref.name}`, ref);
  }
  return [...byKey.keys()].sort().map(key => byKey.get(key)!);
}

/** The namespaces the unit's objects live in (a Namespace object counts as its own). */
function namespacesOf(unit: Unit): string[] {
  const namespaces = unit.objects.map(({ object }) =>
    object.kind === 'Namespace'
      ? object.metadata?.name
      : object.metadata?.namespace,
  );
  return [...new Set(namespaces.filter((n): n is string => !!n))];
}
