/*
 * Flux Portal installed into someone else's Backstage: every publishable
 * package is built and packed into a tarball; a fresh app is made with
 * @backstage/create-app from the npm registry; the packages are added to it
 * by following their READMEs' install steps (support/freshApp.mjs); the app
 * is built and its backend started against the simulated cluster. In real
 * Chromium: the catalog ingests examples/flux-monorepo through the module,
 * a service's Flux tab shows its state from the cluster, and the Create
 * page offers the three templates.
 *
 * The fresh app and its node_modules are kept in .cache/fresh-app between
 * runs (reset to the generated files each time); set FRESH_APP_CLEAN=1 to
 * start from nothing. Each phase's time is printed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/portal.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';
import {
  followReadmes,
  freshApp,
  packAll,
  publishablePackages,
  run,
} from './support/freshApp.mjs';
import {
  DEMO_CLUSTER_TOKEN,
  startDemoCluster,
} from '../scripts/demo-cluster.mjs';

const chromiumSkip = ensureChromium();
if (chromiumSkip) console.log(`install test skipped: ${chromiumSkip}`);

const PORT = 7027;
const CLUSTER_PORT = 7783;
const baseUrl = `http://localhost:${PORT}`;
const cacheDir = join(repoRoot, '.cache');
const appDir = join(cacheDir, 'fresh-app');
const TEMPLATES = [
  'New service',
  'New infrastructure component',
  'New cluster',
];

const sleep = ms => new Promise(r => setTimeout(r, ms));
async function poll(what, fn, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch {
      // not up yet
    }
    await sleep(2000);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** The test's own environment: ports, the simulated cluster, where the monorepo is. */
function writeTestConfig(file) {
  writeFileSync(
    file,
    `app:
  baseUrl: ${baseUrl}
backend:
  baseUrl: ${baseUrl}
  listen:
    port: ${PORT}
  cors:
    origin: ${baseUrl}
  database:
    client: better-sqlite3
    connection: ':memory:'
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: contour
          url: http://127.0.0.1:${CLUSTER_PORT}
          authProvider: serviceAccount
          serviceAccountToken: ${DEMO_CLUSTER_TOKEN}
          skipTLSVerify: true
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, Domain, Group, User, Template]
  providers:
    fluxMonorepo:
      example:
        target: ${join(repoRoot, 'examples/flux-monorepo')}
        schedule:
          frequency: { minutes: 5 }
          timeout: { minutes: 3 }
          initialDelay: { seconds: 2 }
  locations:
    # the scaffolder module's README: its templates, from node_modules
    - type: file
      target: ../../node_modules/@flux-portal/plugin-scaffolder-backend-module-flux/templates/*.yaml
      rules:
        - allow: [Template]
`,
  );
}

describe('install into a fresh Backstage app', { skip: chromiumSkip }, () => {
  let cluster;
  let backend;
  let browser;
  let page;
  const logs = [];
  const timings = {};
  const timed = (name, fn) => {
    const started = Date.now();
    const result = fn();
    timings[name] = (Date.now() - started) / 1000;
    console.log(`${name}: ${timings[name].toFixed(1)} s`);
    return result;
  };

  before(async () => {
    if (process.env.FRESH_APP_CLEAN)
      rmSync(appDir, { recursive: true, force: true });
    const tarballs = timed('pack the packages', () =>
      packAll(join(cacheDir, 'tarballs')),
    );
    console.log(`packed: ${Object.keys(tarballs).join(', ')}`);
    timed('create the app (create-app from npm, or the kept one reset)', () =>
      freshApp(appDir),
    );
    const done = followReadmes(
      appDir,
      tarballs,
      publishablePackages().map(p => p.dir),
    );
    console.log(`README steps followed:\n  ${done.join('\n  ')}`);
    // the app's lockfile changes with the tarballs: not an immutable (CI) install
    timed('yarn install', () =>
      run('yarn', ['install'], { cwd: appDir, notCI: true }),
    );
    timed('build the frontend', () =>
      run('yarn', ['workspace', 'app', 'build'], { cwd: appDir }),
    );
    writeTestConfig(join(appDir, 'app-config.test.yaml'));

    cluster = await startDemoCluster({
      port: CLUSTER_PORT,
      log: text => logs.push(`[cluster] ${text}`),
    });
    const env = { ...process.env, NODE_ENV: 'development' };
    delete env.CI;
    backend = spawn(
      process.execPath,
      [
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        'src/index.ts',
        '--config',
        '../../app-config.yaml',
        '--config',
        '../../app-config.test.yaml',
      ],
      {
        cwd: join(appDir, 'packages/backend'),
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    backend.stdout.on('data', c => logs.push(c.toString()));
    backend.stderr.on('data', c => logs.push(c.toString()));
    const started = Date.now();
    await poll('the fresh backend to be ready', async () => {
      if (backend.exitCode !== null)
        throw Object.assign(new Error('exited'), { fatal: true });
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      return res.ok;
    }).catch(e => {
      throw new Error(
        `${e.message}\n--- backend log (tail) ---\n${logs
          .join('')
          .slice(-5000)}`,
      );
    });
    timings['start the backend'] = (Date.now() - started) / 1000;
    console.log(`start the backend: ${timings['start the backend']} s`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    if (backend && backend.exitCode === null) {
      try {
        process.kill(-backend.pid, 'SIGTERM');
      } catch {
        // gone
      }
    }
    await cluster?.stop();
    console.log(`install test timings (s): ${JSON.stringify(timings)}`);
  });

  let token;
  const api = async path => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return res.json();
  };

  it('ingests examples/flux-monorepo through the catalog module and shows it in the catalog', async () => {
    const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    token = (await refresh.json()).backstageIdentity.token;
    const services = await poll(
      'the monorepo services in the catalog',
      async () => {
        const { items } = await api(
          '/api/catalog/entities/by-query?filter=kind=component,metadata.annotations.flux-portal.io/clusters&limit=100',
        );
        return items.length > 0 && items;
      },
    );
    console.log(
      `the fresh app's catalog holds ${services.length}+ Flux-mapped components`,
    );
    // the fresh app's guest sign-in page, then its catalog (mounted at / by create-app's config)
    await page.goto(baseUrl);
    await page
      .getByRole('button', { name: 'Enter' })
      .click({ timeout: 60_000 });
    await page
      .getByText('My Company Catalog')
      .first()
      .waitFor({ timeout: 60_000 });
    // the first by name: the table's first page, sorted by name
    const name = services.map(e => e.metadata.name).sort()[0];
    await page.goto(
      `${baseUrl}/?filters%5Bkind%5D=component&filters%5Buser%5D=all`,
    );
    await page.getByRole('link', { name, exact: true }).first().waitFor({
      timeout: 60_000,
    });
    await page.screenshot({
      path: join(screenshotDir, 'fresh-app-catalog.png'),
      fullPage: true,
    });
  });

  it("opens a service's Flux tab with its state from the simulated cluster", async () => {
    const { items } = await api(
      '/api/catalog/entities/by-query?filter=kind=component,metadata.annotations.flux-portal.io/clusters&limit=1',
    );
    const entity = items[0];
    await page.goto(
      `${baseUrl}/catalog/default/component/${entity.metadata.name}/flux`,
    );
    await page.getByTestId('flux-state').first().waitFor({ timeout: 60_000 });
    const state = await page.getByTestId('flux-state').first().textContent();
    assert.match(
      state,
      /Ready|Failed|Progressing|Waiting|Suspended|Stale|Unknown/,
    );
    console.log(
      `fresh app: ${entity.metadata.name} is ${state} on its Flux tab`,
    );
    await page.screenshot({
      path: join(screenshotDir, 'fresh-app-flux-tab.png'),
      fullPage: true,
    });
  });

  it('offers the three Flux templates on the Create page', async () => {
    await page.goto(`${baseUrl}/create`);
    for (const title of TEMPLATES) {
      await page.getByText(title, { exact: true }).first().waitFor({
        timeout: 60_000,
      });
    }
    await page.screenshot({
      path: join(screenshotDir, 'fresh-app-create.png'),
      fullPage: true,
    });
  });
});
