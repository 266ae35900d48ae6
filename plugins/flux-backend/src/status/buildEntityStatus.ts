/**
 * An entity's Flux status: per cluster its appliers with state, source,
 * dependencies, inventory, history and events, plus what could not be read;
 * rolled up worst first. Pure over cached cluster objects.
 */
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityFluxStatus,
  FluxClusterDisplay,
  FluxClusterEntityStatus,
  FluxObjectSummary,
  FluxState,
  rollUpStates,
  compareStates,
  entityStateOf,
  type SharedDeployer,
  HELM_RELEASE_KIND,
  KUSTOMIZATION_KIND,
  SOURCE_KINDS,
} from '@flux-portal/plugin-flux-common';
import { ClusterSnapshot, SummaryOptions } from './types';
import { EntityFluxObjects, entityFluxObjects } from './entityFluxObjects';
import type { ObjectKey } from '@flux-portal/plugin-flux-common';
import { summarizeObject } from './summarizeObject';
import { workloadReadiness } from './workloadReadiness';
import { entityCoverage } from './entityCoverage';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

function statesOf(objects: FluxObjectSummary[]): FluxState[] {
  return objects.flatMap(o =>
    o.source?.state ? [o.state, o.source.state] : [o.state],
  );
}

type EntityStatusOptions = Omit<
  SummaryOptions,
  'details' | 'inventory' | 'inventoryNamespaces'
> & {
  details?: boolean;
  /** How each cluster is shown (title, labels), from config. */
  displayOf?: (cluster: string) => FluxClusterDisplay;
};

/** A cluster the entity names that the backend does not watch. */
function notConfigured(name: string): FluxClusterEntityStatus {
  return {
    cluster: name,
    state: 'Unknown',
    objects: [],
    errors: [
      {
        cluster: name,
        reason: 'NotConfigured',
        message: `cluster '${name}' is not configured in kubernetes.clusterLocatorMethods (or flux.kubeconfig), so its Flux objects cannot be read`,
      },
    ],
  };
}

/** The entity's appliers in a cluster: its own, or every Kustomization for a cluster entity. */
function appliersIn(
  cluster: ClusterSnapshot,
  mapped: EntityFluxObjects,
): ObjectKey[] {
  if (!mapped.allKustomizations) return mapped.appliers;
  return [...cluster.view.list(KUSTOMIZATION_KIND)].map(o => ({
    kind: KUSTOMIZATION_KIND,
    namespace: o.metadata?.namespace ?? '',
    name: o.metadata?.name ?? '',
  }));
}

/** An applier's summary; NotFound once the cluster is listed, nothing before. */
function summarizeApplier(
  cluster: ClusterSnapshot,
  applier: ObjectKey,
  options: SummaryOptions,
): FluxObjectSummary | undefined {
  const { kind, namespace, name } = applier;
  const obj = cluster.view.get(kind, namespace, name);
  if (obj) return summarizeObject(cluster.view, kind, obj, options);
  if (!cluster.synced) return undefined;
  return {
    cluster: cluster.view.cluster,
    ...applier,
    apiVersion: '',
    state: 'Unknown',
    reason: 'NotFound',
    message: `${kind} ${namespace}/${name} does not exist in cluster '${cluster.view.cluster}'`,
    suspended: false,
    retrying: false,
    drift: false,
    dependsOn: [],
  };
}

/** The entity's objects in one watched cluster, worst first, with what could not be read. */
function clusterEntityStatus(
  cluster: ClusterSnapshot,
  mapped: EntityFluxObjects,
  options: SummaryOptions,
): Omit<FluxClusterEntityStatus, 'cluster'> {
  const appliers = appliersIn(cluster, mapped);
  const kinds = new Set<string>(SOURCE_KINDS);
  if (mapped.allKustomizations) kinds.add(KUSTOMIZATION_KIND);
  for (const applier of appliers) kinds.add(applier.kind);
  const objects = appliers.flatMap(
    applier => summarizeApplier(cluster, applier, options) ?? [],
  );
  // before the annotation's workloads join an inventory: what it applied
  const shared = sharedDeployerIn(objects, mapped);
  attachWorkloads(cluster, objects, mapped.workloads);
  objects.sort(
    (a, b) =>
      compareStates(a.state, b.state) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
  const decision =
    objects.length > 0
      ? entityStateOf({
          own: statesOf(objects.filter(o => o !== shared?.object)),
          // a cluster's state is its Kustomizations', not every workload's
          workloads: mapped.allKustomizations
            ? []
            : workloadReadinessOf(objects),
          shared: shared?.deployer,
        })
      : undefined;
  const coverage = entityCoverage(cluster, {
    objects,
    catalogCommit: mapped.catalogCommit,
    catalogReadAt: mapped.catalogReadAt,
    allKustomizations: mapped.allKustomizations,
    options,
  });
  return {
    state: decision?.state ?? 'Unknown',
    ...(decision ? { rule: decision.rule } : {}),
    ...(decision?.context ? { context: decision.context } : {}),
    objects,
    errors: cluster.errors([...kinds]),
    ...(coverage ? { coverage } : {}),
  };
}

/** The entity's Kustomization when it deploys other entities too, as entityStateOf reads it. */
function sharedDeployerIn(
  objects: FluxObjectSummary[],
  mapped: EntityFluxObjects,
): { object: FluxObjectSummary; deployer: SharedDeployer } | undefined {
  const shared = mapped.sharedKustomization;
  if (!shared || mapped.allKustomizations) return undefined;
  const object = objects.find(
    o =>
      o.kind === shared.key.kind &&
      o.namespace === shared.key.namespace &&
      o.name === shared.key.name,
  );
  if (!object) return undefined;
  return {
    object,
    deployer: {
      key: `${object.namespace}/${object.name}`,
      state: rollUpStates(statesOf([object])),
      sharedBy: shared.sharedBy,
      // the inventory is already narrowed to the entity's namespaces
      appliedEntity: (object.inventory?.length ?? 0) > 0,
    },
  };
}

/** Readiness of the workloads listed in the entity's inventories. */
function workloadReadinessOf(
  objects: FluxObjectSummary[],
): Array<boolean | undefined> {
  return objects.flatMap(o =>
    (o.inventory ?? [])
      .filter(e => WORKLOAD_KINDS.includes(e.kind))
      .map(e => e.ready),
  );
}

export function buildEntityStatus(
  entity: Entity,
  clusters: ReadonlyMap<string, ClusterSnapshot>,
  options: EntityStatusOptions,
): EntityFluxStatus {
  const mapped = entityFluxObjects(entity);
  const summaryOptions: SummaryOptions = {
    ...options,
    details: options.details ?? true,
    // the state depends on it (entityStateOf), details or not
    inventory: true,
    inventoryNamespaces:
      mapped.namespaces.size > 0 ? mapped.namespaces : undefined,
  };
  const result = mapped.clusters.map(name => {
    const cluster = clusters.get(name);
    if (!cluster) return notConfigured(name);
    return {
      cluster: name,
      ...options.displayOf?.(name),
      ...clusterEntityStatus(cluster, mapped, summaryOptions),
    };
  });
  result.sort(
    (a, b) =>
      compareStates(a.state, b.state) || a.cluster.localeCompare(b.cluster),
  );
  return {
    entityRef: stringifyEntityRef(entity),
    state:
      result.length > 0 ? rollUpStates(result.map(c => c.state)) : 'Unknown',
    clusters: result,
    generatedAt: new Date(options.now).toISOString(),
  };
}

/**
 * A HelmRelease has no inventory in its status; the entity's workloads
 * annotation names what it runs. Added to the object that deploys them
 * (the HelmRelease, else the Kustomization) when not already listed.
 */
function attachWorkloads(
  cluster: ClusterSnapshot,
  objects: FluxObjectSummary[],
  workloads: EntityFluxObjects['workloads'],
) {
  if (workloads.length === 0 || objects.length === 0) return;
  const owner = objects.find(o => o.kind === HELM_RELEASE_KIND) ?? objects[0];
  const inventory = (owner.inventory ??= []);
  for (const w of workloads) {
    if (
      inventory.some(
        e =>
          e.kind === w.kind && e.namespace === w.namespace && e.name === w.name,
      )
    )
      continue;
    inventory.push({
      kind: w.kind,
      group: w.kind === 'Deployment' ? 'apps' : '',
      namespace: w.namespace,
      name: w.name,
      ...workloadReadiness(cluster.view, w.kind, w.namespace, w.name),
    });
  }
}
