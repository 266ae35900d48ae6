/*
 * Starts the portal for browser tests: builds the app (production bundle),
 * runs the backend that serves it, and waits until the backend is ready.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoCluster } from '../../scripts/demo-cluster.mjs';
import { startLocalGitServer } from '../../scripts/local-git-server.mjs';

export const repoRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
export const e2eBaseUrl = 'http://localhost:7017';
export const e2eClusterPort = 7781;
/** The demo git server's port (app-config.e2e.yaml's scaffolder.fluxMonorepo.gitServers). */
export const e2eGitPort = 7791;

function buildApp() {
  const dist = join(repoRoot, 'packages/app/dist/index.html');
  if (existsSync(dist) && !process.env.CI && !process.env.E2E_REBUILD) return;
  const res = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (res.status !== 0)
    throw new Error(`building the app failed (exit ${res.status})`);
}

async function waitForReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the backend exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the backend was not ready within ${timeoutMs / 1000}s (${url})`,
  );
}

/** The backend runs as a developer would start it: not in CI mode, which changes its behaviour. */
function backendEnv() {
  const env = { ...process.env, NODE_ENV: 'development' };
  delete env.CI;
  return env;
}

/**
 * Builds and starts the portal; resolves to { baseUrl, logs, git, stop }, where
 * `git` is the demo git server the templates push to ({ repositoryUrl, bareDir }).
 */
export async function startPortal({ clusterMonorepo } = {}) {
  buildApp();
  const logs = [];
  // The simulated cluster `contour` (port from app-config.e2e.yaml), seeded from
  // what the engine renders of the example, or of `clusterMonorepo` when given
  // (the catalog still reads the example).
  const cluster = await startDemoCluster({
    port: e2eClusterPort,
    monorepo: clusterMonorepo,
    log: text => logs.push(`[simulated cluster] ${text}`),
  });
  const git = await startLocalGitServer({
    port: e2eGitPort,
    seedDir: join(repoRoot, 'examples/flux-monorepo'),
    log: text => logs.push(`[local git] ${text}`),
  }).catch(async error => {
    await cluster.stop();
    throw error;
  });
  // The backend's TypeScript runs through Backstage's transform, without the dev
  // watcher of `backstage-cli package start`, which restarts it when files change.
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e-tests/app-config.e2e.yaml',
    ],
    {
      cwd: join(repoRoot, 'packages/backend'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: backendEnv(),
    },
  );
  const keep = chunk => {
    logs.push(chunk.toString());
    if (logs.length > 2000) logs.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    await stopBackend();
    await cluster.stop();
    await git.stop();
  };
  const stopBackend = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(r => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
        r();
      }, 10000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  };
  try {
    await waitForReady(
      `${e2eBaseUrl}/.backstage/health/v1/readiness`,
      child,
      240_000,
    );
  } catch (e) {
    await stop();
    throw new Error(
      `${e.message}\n--- backend log (tail) ---\n${logs.join('').slice(-4000)}`,
    );
  }
  return { baseUrl: e2eBaseUrl, logs, git, stop };
}
