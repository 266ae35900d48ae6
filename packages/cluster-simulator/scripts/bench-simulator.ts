/*
 * Prints how fast the simulator seeds, lists, gets and delivers watch events
 * for a cluster of a given size. Figures only, no pass/fail:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/cluster-simulator/scripts/bench-simulator.ts [appliers=1000] [watchers=20]
 */
import { request } from 'node:http';
import {
  generatedHelmRelease,
  generatedHelmRepository,
} from '@flux-portal/test-utils/generators';
import { seedFluxStatuses, startClusterSimulator, KubeObject } from '../src';

const appliers = Number(process.argv[2] ?? 1000);
const watchers = Number(process.argv[3] ?? 20);

function fluxObjects(count: number): KubeObject[] {
  const objects: KubeObject[] = [generatedHelmRepository()];
  for (let i = 0; i < count / 2; i++) {
    objects.push({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: `app-${i}`, namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: `./apps/app-${i}`,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        ...(i > 0 ? { dependsOn: [{ name: 'app-0' }] } : {}),
      },
    });
    objects.push(
      generatedHelmRelease({
        name: `svc-${i}`,
        namespace: `team-${i % 20}`,
        chart: `svc-${i}`,
        interval: '5m',
      }),
    );
  }
  return objects;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeIt(label: string, runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(runs / 2)];
  const p95 = times[Math.min(runs - 1, Math.floor(runs * 0.95))];
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(
      2,
    )} ms  (${runs} runs)`,
  );
}

function openWatch(url: string, token: string, onLine: (line: string) => void) {
  const req = request(
    url,
    { headers: { Authorization: `Bearer ${token}` } },
    res => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          onLine(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf('\n');
        }
      });
    },
  );
  req.end();
  return req;
}

async function main() {
  let start = process.hrtime.bigint();
  const seeded = seedFluxStatuses(fluxObjects(appliers), { seed: 1 });
  console.log(
    `seedFluxStatuses: ${appliers} appliers → ${
      seeded.objects.length
    } objects in ${ms(start).toFixed(1)} ms`,
  );

  start = process.hrtime.bigint();
  const sim = await startClusterSimulator({
    objects: seeded.objects,
    reconcileDelays: { startMs: 1, finishMs: 1 },
  });
  console.log(
    `startClusterSimulator with ${seeded.objects.length} objects: ${ms(
      start,
    ).toFixed(1)} ms`,
  );
  const headers = { Authorization: `Bearer ${sim.token}` };
  const get = async (path: string) =>
    (await fetch(`${sim.url}${path}`, { headers })).json();
  const ks = '/apis/kustomize.toolkit.fluxcd.io/v1';

  const list: any = await get(`${ks}/kustomizations`);
  const bytes = JSON.stringify(list).length;
  await timeIt(
    `list ${list.items.length} Kustomizations (${(bytes / 1024).toFixed(
      0,
    )} KiB)`,
    20,
    () => get(`${ks}/kustomizations`),
  );
  await timeIt('list HelmReleases in one namespace', 50, () =>
    get('/apis/helm.toolkit.fluxcd.io/v2/namespaces/team-3/helmreleases'),
  );
  await timeIt('list events by involvedObject.name', 50, () =>
    get(`/api/v1/events?fieldSelector=involvedObject.name%3Dapp-7`),
  );
  await timeIt('get one Kustomization', 100, () =>
    get(`${ks}/namespaces/flux-system/kustomizations/app-7`),
  );

  // Watch fan-out: one change, N watchers; time until every watcher has it.
  const fanOut = { received: 0, expected: 0, done: () => {} };
  const onEvent = () => {
    fanOut.received++;
    if (fanOut.received === fanOut.expected) fanOut.done();
  };
  const watchUrl = `${sim.url}${ks}/kustomizations?watch=1&resourceVersion=${sim.resourceVersion}`;
  const requests = Array.from({ length: watchers }, () =>
    openWatch(watchUrl, sim.token, onEvent),
  );
  await new Promise(r => setTimeout(r, 300));
  await timeIt(`one change delivered to ${watchers} watchers`, 30, async () => {
    fanOut.received = 0;
    fanOut.expected = watchers;
    const finished = new Promise<void>(r => {
      fanOut.done = r;
    });
    const current = sim.get(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      'flux-system',
      'app-3',
    )!;
    sim.upsert({
      ...current,
      metadata: { ...current.metadata, labels: { n: String(Math.random()) } },
    });
    await finished;
  });
  requests.forEach(r => r.destroy());
  await sim.stop();
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
