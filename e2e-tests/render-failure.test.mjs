/*
 * A render failure is real and stays: the simulated cluster is seeded from a
 * copy of the example whose one app lists a file that does not exist, so the
 * engine's kustomize build fails exactly where `flux-portal validate` says,
 * and the Kustomization that deploys it is Failed with that message. A
 * Reconcile from the Flux tab is handled and leaves it Failed: only a new
 * commit could fix it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startPortal } from './support/portal.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';

const chromiumSkip = ensureChromium();
if (chromiumSkip)
  console.log(`render failure browser test skipped: ${chromiumSkip}`);

const KUSTOMIZATION = 'flux-portal.io/kustomization';

const sleep = ms => new Promise(r => setTimeout(r, ms));
async function poll(what, fn, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value) return value;
    await sleep(1000);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** A copy of the example whose first app lists a resource file that is not there. */
function brokenExample() {
  const dir = mkdtempSync(join(tmpdir(), 'flux-portal-broken-'));
  cpSync(join(repoRoot, 'examples/flux-monorepo'), dir, { recursive: true });
  const app = spawnSync('ls', [join(dir, 'apps')], { encoding: 'utf8' })
    .stdout.split('\n')
    .find(name => name && !name.includes('.'));
  const file = join(dir, 'apps', app, 'kustomization.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      /^resources:\n/m,
      'resources:\n- ./missing-file.yaml\n',
    ),
  );
  return { dir, app };
}

describe('render failures', { skip: chromiumSkip }, () => {
  let portal;
  let browser;
  let page;
  let token;
  let broken;

  const json = async (path, init = {}) => {
    const res = await fetch(`${portal.baseUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
    });
    assert.equal(res.status, 200, `${path} answered ${res.status}`);
    return res.json();
  };

  before(async () => {
    broken = brokenExample();
    portal = await startPortal({ clusterMonorepo: broken.dir });
    const refresh = await fetch(`${portal.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    token = (await refresh.json()).backstageIdentity.token;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
    if (broken) rmSync(broken.dir, { recursive: true, force: true });
  });

  it('shows the build failure validate reports, and a reconcile does not cure it', async () => {
    // what the CLI says of the same tree
    const validate = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'packages/cli/bin/flux-portal'),
        'validate',
        '--path',
        broken.dir,
        '--root',
        broken.dir,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(validate.status, 1, 'validate fails on the broken tree');
    assert.match(
      validate.stdout,
      new RegExp(
        `apps/${broken.app}/kustomization.yaml:\\d+: .*missing-file\\.yaml`,
      ),
    );

    // the cluster's Kustomization that builds it, Failed with the engine's message
    const object = await poll('a Kustomization failing to build', async () => {
      const { items } = await json(
        '/api/flux/objects?state=Failed&kind=Kustomization',
      );
      return items.find(o => /missing-file\.yaml/.test(o.message));
    });
    console.log(
      `render failure: Kustomization ${object.namespace}/${object.name}: ${object.reason}: ${object.message}`,
    );
    const entity = await poll(
      'an entity it deploys in the catalog',
      async () => {
        const { items } = await json(
          `/api/catalog/entities/by-query?filter=metadata.annotations.${KUSTOMIZATION}=${object.namespace}/${object.name}&limit=1`,
        );
        return items[0];
      },
    );

    await page.goto(portal.baseUrl);
    await page
      .getByRole('button', { name: 'Enter' })
      .click({ timeout: 60_000 });
    await page
      .getByRole('heading', { name: /Flux Portal Catalog/ })
      .waitFor({ timeout: 60_000 });
    await page.goto(
      `${portal.baseUrl}/catalog/default/${entity.kind.toLowerCase()}/${
        entity.metadata.name
      }/flux`,
    );
    const row = page.locator(
      `[data-testid="flux-object"][data-key="${object.cluster}/Kustomization/${object.namespace}/${object.name}"]`,
    );
    await row.getByText('missing-file.yaml', { exact: false }).first().waitFor({
      timeout: 60_000,
    });
    const reconcile = row.getByRole('button', {
      name: `Reconcile Kustomization ${object.namespace}/${object.name}`,
      exact: true,
    });
    await poll('Reconcile to be enabled', () => reconcile.isEnabled(), 30_000);
    await reconcile.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('flux-action-impact').waitFor({ timeout: 15_000 });
    await dialog
      .getByRole('button', { name: /^Reconcile( all \d+)?$/ })
      .click();
    // handled by the controller, and still failing the same way
    await row
      .getByText('Reconciled: Failed', { exact: false })
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await row.getByTestId('flux-state').first().textContent(),
      'Failed',
    );
    const after = (
      await json(`/api/flux/objects?state=Failed&kind=Kustomization`)
    ).items.find(
      o => o.namespace === object.namespace && o.name === object.name,
    );
    assert.ok(after, 'still Failed after the reconcile');
    assert.equal(after.message, object.message);
    assert.ok(
      after.lastHandledReconcileAt &&
        after.lastHandledReconcileAt === after.requestedAt,
      'the reconcile request was handled',
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-render-failure-after-reconcile.png'),
      fullPage: true,
    });
  });
});
