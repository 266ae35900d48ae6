#!/usr/bin/env node
/*
 * `./portal start`: the simulated cluster `contour` (see demo-cluster.mjs),
 * then the portal (frontend on :3000, backend on :7007) as
 * `backstage-cli repo start` runs them. Both stop together.
 */
import { spawn } from 'node:child_process';
import { startDemoCluster } from './demo-cluster.mjs';

const cluster = await startDemoCluster({
  log: text => process.stdout.write(`[simulated cluster] ${text}`),
});
const portal = spawn(
  'yarn',
  ['backstage-cli', 'repo', 'start', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let stopping = false;
const stop = async code => {
  if (stopping) return;
  stopping = true;
  portal.kill('SIGTERM');
  await cluster.stop();
  process.exit(code ?? 0);
};
portal.on('exit', code => stop(code ?? 0));
cluster.child.on('exit', () => {
  if (!stopping)
    process.stderr.write(
      'the simulated cluster stopped; the portal keeps running without it\n',
    );
});
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
