/**
 * The example monorepo as the tests' world: its catalog entities as the
 * catalog module maps them, and its contour cluster as the engine renders it,
 * seeded with realistic statuses and served by the cluster simulator.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ClusterSimulator,
  ClusterSimulatorOptions,
  KubeObject,
  RESOURCE_TYPES,
  SeedResult,
  renderClusterObjects,
  seedFluxStatuses,
  startClusterSimulator,
} from '@flux-portal/cluster-simulator';
import { createLocalTree } from '@flux-portal/kustomize';
import { splitApiVersion } from '@flux-portal/plugin-flux-common';
import { ingestMonorepo } from '@flux-portal/plugin-catalog-backend-module-flux';
import { EXAMPLE_MONOREPO_DIR } from '@flux-portal/test-utils';

export const NOW = new Date();

function served(obj: KubeObject): boolean {
  const { group } = splitApiVersion(obj.apiVersion);
  return RESOURCE_TYPES.some(t => t.group === group && t.kind === obj.kind);
}

let rendered: Promise<KubeObject[]> | undefined;
export function exampleClusterObjects(): Promise<KubeObject[]> {
  rendered ??= renderClusterObjects(
    createLocalTree(EXAMPLE_MONOREPO_DIR),
    'clusters/contour',
  ).then(r => (r.objects as KubeObject[]).filter(served));
  return rendered;
}

let entities: Promise<Entity[]> | undefined;
export function exampleEntities(): Promise<Entity[]> {
  entities ??= ingestMonorepo(createLocalTree(EXAMPLE_MONOREPO_DIR), {}).then(
    r =>
      r.entities.map(e => ({
        ...e,
        metadata: {
          ...e.metadata,
          namespace: e.metadata.namespace ?? 'default',
          annotations: {
            ...e.metadata.annotations,
            'backstage.io/managed-by-location':
              'url:https://example.com/flux-monorepo',
            'backstage.io/managed-by-origin-location':
              'url:https://example.com/flux-monorepo',
          },
        },
      })),
  );
  return entities;
}

export async function seededExample(seed = 1): Promise<SeedResult> {
  return seedFluxStatuses(await exampleClusterObjects(), { seed, now: NOW });
}

export async function startExampleCluster(
  options: Partial<ClusterSimulatorOptions> & { seed?: number } = {},
): Promise<{ sim: ClusterSimulator; seeded: SeedResult }> {
  const seeded = await seededExample(options.seed);
  const sim = await startClusterSimulator({
    name: 'contour',
    objects: seeded.objects,
    reconcileDelays: { startMs: 20, finishMs: 60 },
    ...options,
  });
  return { sim, seeded };
}

/** Config for Backstage's kubernetes plugin pointing at simulators. */
export function kubernetesConfig(
  clusters: Array<{ name: string; url: string; token: string }>,
) {
  return {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token,
            skipTLSVerify: true,
          })),
        },
      ],
    },
  };
}

export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not met within ${timeoutMs} ms${last ? `: ${last}` : ''}`,
      );
    }
    await new Promise(r => setTimeout(r, 50));
  }
}
