/*
 * yarn bench:status [--clusters 3] [--entities 1000] [--clients 100] [--seconds 30]
 *
 * The status endpoint under load: simulated clusters over real HTTP, the
 * flux backend in a real Backstage test backend, N concurrent clients asking
 * for random entities' status for a while, with reconciles happening in the
 * clusters meanwhile. Prints p50/p99 latency, errors, and how many requests
 * the backend made to the clusters, beside what a poll-per-card design would
 * make. Run it twice with different --clients to see cluster requests do not
 * depend on viewers.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeObject, seedFluxStatuses } from '@flux-portal/cluster-simulator';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
  ANNOTATION_WORKLOADS,
  fluxApiVersionOf,
  formatNamespacedName,
  formatWorkload,
  kustomizationOwnerLabels,
  RECONCILE_REQUESTED_AT_ANNOTATION,
} from '@flux-portal/plugin-flux-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { createFluxPermissionPolicyModule } from '@flux-portal/plugin-permission-backend-module-flux';
import {
  generatedHelmRelease,
  generatedHelmRepository,
} from '@flux-portal/test-utils/generators';
import fluxPlugin from '../src';

const { values } = parseArgs({
  options: {
    clusters: { type: 'string', default: '3' },
    entities: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    'poll-seconds': { type: 'string', default: '10' },
    // 'mock': an allow-all mock; 'policy': the real permission backend running FluxPermissionPolicy
    permissions: { type: 'string', default: 'mock' },
  },
});
const clusterCount = Number(values.clusters);
const entityCount = Number(values.entities);
const clientCount = Number(values.clients);
const seconds = Number(values.seconds);
const pollSeconds = Number(values['poll-seconds']);

/** The Kustomization that applies every HelmRelease of a bench cluster. */
const APPS = { namespace: 'flux-system', name: 'apps' };

function clusterObjects(cluster: number, names: string[]): KubeObject[] {
  const objects: KubeObject[] = [
    {
      apiVersion: fluxApiVersionOf('GitRepository'),
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        url: `https://github.com/example-org/cluster-${cluster}`,
        ref: { branch: 'main' },
      },
    },
    generatedHelmRepository(),
    {
      apiVersion: fluxApiVersionOf('Kustomization'),
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: './apps',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    },
  ];
  for (const name of names) {
    objects.push(
      generatedHelmRelease({
        name,
        namespace: name,
        chart: 'service',
        interval: '10m',
        labels: kustomizationOwnerLabels(APPS),
      }),
    );
  }
  return objects;
}

function entityFor(name: string, cluster: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [ANNOTATION_CLUSTERS]: cluster,
        [ANNOTATION_KUSTOMIZATION]: formatNamespacedName(APPS),
        [ANNOTATION_HELM_RELEASE]: formatNamespacedName({
          namespace: name,
          name,
        }),
        [ANNOTATION_WORKLOADS]: formatWorkload({
          kind: 'Deployment',
          namespace: name,
          name,
        }),
        'backstage.io/managed-by-location': 'url:https://example.com/bench',
        'backstage.io/managed-by-origin-location':
          'url:https://example.com/bench',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/bench',
    },
  };
}

type ClientResult = {
  requests: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
};

/** The viewers run in a child process, as browsers would, so their HTTP client does not share the backend's event loop. */
function runClients(base: string, names: string[]): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(__dirname, 'bench-status-clients.mjs'),
        base,
        JSON.stringify(names),
        String(clientCount),
        String(seconds),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.on('exit', code =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`clients exited with ${code}`)),
    );
  });
}

interface RemoteCluster {
  name: string;
  url: string;
  token: string;
  stop(): void;
}

/**
 * A simulated cluster in its own process (the CLI), as a real cluster is
 * another machine: its work does not share the backend's event loop.
 */
async function startRemoteCluster(
  name: string,
  objects: KubeObject[],
  dir: string,
): Promise<RemoteCluster> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(objects));
  const token = `bench-${name}`;
  const child = spawn(
    process.execPath,
    [
      require.resolve('@flux-portal/cluster-simulator/bin/cluster-simulator'),
      '--port',
      '0',
      '--token',
      token,
      '--name',
      name,
      '--objects',
      file,
      '--no-periodic-reconcile',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', code =>
      reject(new Error(`simulator ${name} exited with ${code}: ${out}`)),
    );
  });
  return { name, url, token, stop: () => child.kill('SIGTERM') };
}

async function clusterRequests(cluster: RemoteCluster): Promise<number> {
  const res = await fetch(`${cluster.url}/_simulator/state`, {
    headers: { Authorization: `Bearer ${cluster.token}` },
  });
  return (await res.json()).requests;
}

/** A reconcile request as the flux CLI (and the portal) writes it. */
async function requestReconcile(
  cluster: RemoteCluster,
  name: string,
  value: string,
) {
  await fetch(
    `${cluster.url}/apis/${fluxApiVersionOf(
      'HelmRelease',
    )}/namespaces/${name}/helmreleases/${name}`,
    {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${cluster.token}`,
        'Content-Type': 'application/merge-patch+json',
      },
      body: JSON.stringify({
        metadata: {
          annotations: { [RECONCILE_REQUESTED_AT_ANNOTATION]: value },
        },
      }),
    },
  );
}

interface BenchWorld {
  sims: RemoteCluster[];
  /** HelmRelease names per cluster, for the reconcile activity. */
  hrNames: string[][];
  entities: Entity[];
  objectCount: number;
}

/** The simulated clusters, each in its own process, and one entity per HelmRelease. */
async function startClusters(): Promise<BenchWorld> {
  const world: BenchWorld = {
    sims: [],
    hrNames: [],
    entities: [],
    objectCount: 0,
  };
  const dir = mkdtempSync(join(tmpdir(), 'bench-status-'));
  for (let c = 0; c < clusterCount; c++) {
    const perCluster = Math.ceil(entityCount / clusterCount);
    const names = Array.from(
      { length: perCluster },
      (_, i) => `svc-${c}-${i}`,
    ).slice(0, Math.max(0, entityCount - c * perCluster));
    const { objects } = seedFluxStatuses(clusterObjects(c, names), {
      seed: c + 1,
    });
    world.objectCount += objects.filter(o => o.kind === 'HelmRelease').length;
    world.sims.push(await startRemoteCluster(`cluster-${c}`, objects, dir));
    world.entities.push(...names.map(n => entityFor(n, `cluster-${c}`)));
    world.hrNames.push(names);
  }
  return world;
}

/** The flux backend watching the clusters; resolves with its API URL once every cluster is listed. */
async function startBackend(world: BenchWorld) {
  const backend = await startTestBackend({
    features: [
      fluxPlugin,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: values.permissions === 'policy' },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: world.sims.map(s => ({
                  name: s.name,
                  url: s.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: s.token,
                  skipTLSVerify: true,
                })),
              },
            ],
          },
        },
      }),
      catalogServiceMock.factory({ entities: world.entities }),
      ...(values.permissions === 'policy'
        ? [permissionPlugin, createFluxPermissionPolicyModule()]
        : [
            mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          ]),
      mockServices.rootLogger.factory({ level: 'warn' }),
    ],
  });
  const address = backend.server.address();
  const base = `http://127.0.0.1:${
    typeof address === 'object' && address ? address.port : 0
  }/api/flux`;
  for (;;) {
    const runtime = await (await fetch(`${base}/runtime`)).json();
    if (runtime.clusters.every((c: any) => c.synced)) break;
    await new Promise(r => setTimeout(r, 200));
  }
  return { backend, base };
}

/** Activity in the clusters while viewers read: a reconcile every 250 ms; stop() returns how many. */
function startReconciling({ sims, hrNames }: BenchWorld) {
  let reconciles = 0;
  const activity = setInterval(() => {
    const c = reconciles % sims.length;
    const name = hrNames[c][(reconciles * 7919) % hrNames[c].length];
    void requestReconcile(sims[c], name, `bench-${reconciles}`);
    reconciles++;
  }, 250);
  return {
    stop: () => {
      clearInterval(activity);
      return reconciles;
    },
  };
}

/** The backend process's resident memory: at start and the peak while it runs. */
function watchMemory() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 500);
  return {
    stop: () => {
      clearInterval(timer);
      return { start, peak };
    },
  };
}

function report(
  world: BenchWorld,
  result: Awaited<ReturnType<typeof runClients>>,
  run: {
    reconciles: number;
    clusterRequests: number;
    rss: { start: number; peak: number };
  },
) {
  // A poll-per-card design: every viewer's card polls the clusters every
  // pollSeconds; one poll reads the HelmRelease, its Kustomization, its
  // source and its events (4 requests).
  const pollPerCard = Math.ceil(clientCount * (seconds / pollSeconds) * 4);
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `bench:status — permissions: ${
      values.permissions === 'policy'
        ? 'real permission backend with FluxPermissionPolicy'
        : 'allow-all mock'
    }; ${clusterCount} simulated clusters, ${entityCount} entities (${
      world.objectCount
    } HelmReleases), ${clientCount} concurrent clients, ${seconds} s, ${
      run.reconciles
    } reconciles in the clusters meanwhile`,
  );
  console.log(
    `  requests:        ${result.requests} (${fmt(
      result.requests / seconds,
    )}/s)`,
  );
  console.log(
    `  latency:         p50 ${fmt(result.p50)} ms, p90 ${fmt(
      result.p90,
    )} ms, p99 ${fmt(result.p99)} ms, max ${fmt(
      result.max,
    )} ms (target p99 < 50 ms)`,
  );
  console.log(`  errors:          ${result.errors} (target 0)`);
  console.log(
    `  cluster requests during the run: ${run.clusterRequests} (watches and relists; independent of viewers)`,
  );
  console.log(
    `  poll-per-card design would make: ${pollPerCard} (${clientCount} cards × ${
      seconds / pollSeconds
    } polls × 4 requests)`,
  );
  console.log(
    `  backend process RSS: ${fmt(run.rss.start / 2 ** 20)} MB at start, ${fmt(
      run.rss.peak / 2 ** 20,
    )} MB peak (clients and simulated clusters run in their own processes)`,
  );
}

async function main() {
  const world = await startClusters();
  const { backend, base } = await startBackend(world);
  const requestCounts = async () =>
    (await Promise.all(world.sims.map(clusterRequests))).reduce(
      (a, b) => a + b,
      0,
    );
  const requestsBefore = await requestCounts();
  const activity = startReconciling(world);
  const memory = watchMemory();
  const result = await runClients(
    base,
    world.entities.map(e => e.metadata.name),
  );
  const reconciles = activity.stop();
  const rss = memory.stop();
  // the activity's own patches are not the backend's requests
  const backendRequests = (await requestCounts()) - requestsBefore - reconciles;
  report(world, result, {
    reconciles,
    clusterRequests: backendRequests,
    rss,
  });
  await backend.stop();
  world.sims.forEach(s => s.stop());
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
