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
  FluxClusterError,
  FluxObjectSummary,
  FluxState,
  rollUpStates,
  compareStates,
  SOURCE_KINDS,
} from '@flux-portal/plugin-flux-common';
import { ClusterObjects, SummaryOptions } from './types';
import { entityFluxObjects } from './entityFluxObjects';
import { summarizeObject } from './summarizeObject';
import { workloadReadiness } from './workloadReadiness';

/** A cluster as the status code sees it. */
export interface ClusterSnapshot {
  view: ClusterObjects;
  synced: boolean;
  errors(kinds?: readonly string[]): FluxClusterError[];
}

function statesOf(objects: FluxObjectSummary[]): FluxState[] {
  return objects.flatMap(o =>
    o.source?.state ? [o.state, o.source.state] : [o.state],
  );
}

export function buildEntityStatus(
  entity: Entity,
  clusters: ReadonlyMap<string, ClusterSnapshot>,
  options: Omit<SummaryOptions, 'details' | 'inventoryNamespaces'> & {
    details?: boolean;
    /** How each cluster is shown (title, labels), from config. */
    displayOf?: (cluster: string) => FluxClusterDisplay;
  },
): EntityFluxStatus {
  const mapped = entityFluxObjects(entity);
  const summaryOptions: SummaryOptions = {
    ...options,
    details: options.details ?? true,
    inventoryNamespaces:
      mapped.namespaces.size > 0 ? mapped.namespaces : undefined,
  };
  const result: FluxClusterEntityStatus[] = [];
  for (const name of mapped.clusters) {
    const cluster = clusters.get(name);
    if (!cluster) {
      result.push({
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
      });
      continue;
    }
    const kinds = new Set<string>(SOURCE_KINDS);
    const objects: FluxObjectSummary[] = [];
    const appliers = mapped.allKustomizations
      ? [...cluster.view.list('Kustomization')].map(o => ({
          kind: 'Kustomization',
          namespace: o.metadata?.namespace ?? '',
          name: o.metadata?.name ?? '',
        }))
      : mapped.appliers;
    if (mapped.allKustomizations) kinds.add('Kustomization');
    for (const applier of appliers) {
      kinds.add(applier.kind);
      const obj = cluster.view.get(
        applier.kind,
        applier.namespace,
        applier.name,
      );
      if (obj) {
        objects.push(
          summarizeObject(cluster.view, applier.kind, obj, summaryOptions),
        );
      } else if (cluster.synced) {
        objects.push({
          cluster: name,
          ...applier,
          apiVersion: '',
          state: 'Unknown',
          reason: 'NotFound',
          message: `${applier.kind} ${applier.namespace}/${applier.name} does not exist in cluster '${name}'`,
          suspended: false,
          retrying: false,
          drift: false,
          dependsOn: [],
        });
      }
    }
    attachWorkloads(cluster, objects, mapped.workloads);
    objects.sort(
      (a, b) =>
        compareStates(a.state, b.state) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name),
    );
    const errors = cluster.errors([...kinds]);
    result.push({
      cluster: name,
      ...options.displayOf?.(name),
      state: objects.length > 0 ? rollUpStates(statesOf(objects)) : 'Unknown',
      objects,
      errors,
    });
  }
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
  workloads: ReturnType<typeof entityFluxObjects>['workloads'],
) {
  if (workloads.length === 0 || objects.length === 0) return;
  const owner = objects.find(o => o.kind === 'HelmRelease') ?? objects[0];
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
