#!/usr/bin/env node
/*
 * `./portal start`: the simulated cluster `contour` (see demo-cluster.mjs)
 * and the demo's git server (local-git-server.mjs: a bare clone of
 * examples/flux-monorepo the templates push to), then the portal (frontend
 * on :3000, backend on :7007) as `backstage-cli repo start` runs them. They
 * stop together.
 */
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoCluster } from './demo-cluster.mjs';
import { startLocalGitServer } from './local-git-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const cluster = await startDemoCluster({
  log: text => process.stdout.write(`[simulated cluster] ${text}`),
});
// Port and host name as in app-config.yaml's scaffolder.fluxMonorepo.gitServers.
const git = await startLocalGitServer({
  port: 7790,
  seedDir: join(root, 'examples/flux-monorepo'),
});
process.stdout.write(
  `[local git] ${git.repositoryUrl}: the templates' "local-git" target (no token); ` +
    `see what they pushed with: git ls-remote ${git.repositoryUrl}\n`,
);
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
  await git.stop();
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
