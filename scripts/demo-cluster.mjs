#!/usr/bin/env node
/*
 * The portal's simulated cluster `contour`: the cluster simulator serving
 * what Flux would apply from examples/flux-monorepo (rendered by the engine),
 * with seeded statuses and simulated controllers. It stands in for a real
 * cluster because none can run here; production config points at real ones.
 *
 *   node scripts/demo-cluster.mjs [--port 7780]
 */
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The token app-config.yaml gives the simulated cluster; not a secret, it guards a loopback demo. */
export const DEMO_CLUSTER_TOKEN = 'flux-portal-simulated-cluster';

/** Starts the simulated cluster; resolves when it listens. */
export function startDemoCluster({
  port = 7780,
  name = 'contour',
  monorepo = join(root, 'examples/flux-monorepo'),
  log = () => {},
} = {}) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'packages/cluster-simulator/bin/cluster-simulator'),
      '--port',
      String(port),
      '--token',
      DEMO_CLUSTER_TOKEN,
      '--name',
      name,
      '--monorepo',
      monorepo,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = [];
  const stop = () =>
    new Promise(resolve => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onData = chunk => {
      const text = chunk.toString();
      output.push(text);
      log(text);
      const match = /listening on (\S+)/.exec(output.join(''));
      if (match) resolve({ url: match[1], stop, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', code =>
      reject(
        new Error(
          `the simulated cluster exited with code ${code}:\n${output.join('')}`,
        ),
      ),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 7780;
  const cluster = await startDemoCluster({
    port,
    log: text => process.stdout.write(`[simulated cluster] ${text}`),
  });
  const shutdown = () => cluster.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
