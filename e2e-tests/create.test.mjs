/*
 * Browser test of Create: "New service" filled in and run in real Chromium
 * against the started portal, pushing to the demo's git server (a bare clone
 * of examples/flux-monorepo served by git http-backend, no forge token). The
 * task first shows the preview (planned files, checks, rendered objects
 * diff), then pushes; the test then finds the branch with exactly one commit
 * holding the new service in the bare repository. Screenshots are saved.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startPortal } from './support/portal.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';

const chromiumSkip = ensureChromium();
if (chromiumSkip) console.log(`create browser tests skipped: ${chromiumSkip}`);

const TEMPLATE = 'template:default/flux-new-service';
const SERVICE = 'invoices';
const BRANCH = `flux-portal/add-app-${SERVICE}`;

const sleep = ms => new Promise(r => setTimeout(r, ms));

describe(
  'Create: New service on the demo git server',
  { skip: chromiumSkip },
  () => {
    let portal;
    let browser;
    let page;
    let token;
    /** The files the task's preview listed. */
    let plannedFiles = [];

    /** git on the demo server's bare repository. */
    const git = (...args) =>
      execFileSync('git', ['--git-dir', portal.git.bareDir, ...args], {
        encoding: 'utf8',
      }).trim();

    before(async () => {
      portal = await startPortal();
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
    });

    it('the template is in the catalog and the demo repository holds only main', async () => {
      const [kind, rest] = TEMPLATE.split(':');
      const [namespace, name] = rest.split('/');
      let status;
      for (let i = 0; i < 90; i++) {
        status = (
          await fetch(
            `${portal.baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
            { headers: { Authorization: `Bearer ${token}` } },
          )
        ).status;
        if (status === 200) break;
        await sleep(2000);
      }
      assert.equal(status, 200, `${TEMPLATE} is not in the catalog`);
      assert.equal(
        git('for-each-ref', '--format=%(refname)'),
        'refs/heads/main',
      );
    });

    it('runs New service: preview, then push; the output says what was pushed', async () => {
      await page.goto(portal.baseUrl);
      await page
        .getByRole('button', { name: 'Enter' })
        .click({ timeout: 60_000 });
      await page
        .getByRole('heading', { name: /Flux Portal Catalog/ })
        .waitFor({ timeout: 60_000 });
      await page.goto(
        `${portal.baseUrl}/create/templates/default/flux-new-service`,
      );

      // Page 1: Service
      await page
        .getByRole('textbox', { name: /^Name/ })
        .fill(SERVICE, { timeout: 60_000 });
      const owner = page.getByRole('textbox', { name: 'Owner', exact: true });
      await owner.click();
      await owner.fill('platform-team');
      await page
        .getByRole('option', { name: /platform-team/i })
        .first()
        .click({ timeout: 30_000 });
      await page
        .getByRole('textbox', { name: /^Description/ })
        .fill('Invoices of construction contracts');
      await page
        .getByRole('textbox', { name: /^Image/ })
        .fill('cr.example/invoices:1.0.0');
      await page.getByRole('button', { name: 'Next' }).click();
      // Page 2: Dependencies (none)
      await page.getByRole('button', { name: 'Next' }).click();
      // Page 3: Monorepo: the demo's git server is the default target
      await page
        .getByText("The demo's git server local-git", { exact: false })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.screenshot({
        path: join(screenshotDir, 'create-new-service-monorepo.png'),
        fullPage: true,
      });
      await page.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('button', { name: 'Create' }).click();

      // The task page: the preview step, then the push step; then the output.
      await page
        .getByText('Pushed branch', { exact: false })
        .first()
        .waitFor({ timeout: 180_000 });
      await page.screenshot({
        path: join(screenshotDir, 'create-new-service-result.png'),
        fullPage: true,
      });
      const result = await page.getByTestId('text-output-box').innerText();
      assert.match(result, new RegExp(`Pushed branch ${BRANCH}`));
      assert.match(result, /no pull requests/);
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await page
        .getByText('Checks passed')
        .first()
        .waitFor({ timeout: 10_000 });
      // the rendered diff is a code block drawn by a lazily loaded highlighter
      await page
        .getByTestId('text-output-box')
        .getByText(/added\s+apps\/v1 Deployment invoices\/invoices/)
        .first()
        .waitFor({ timeout: 30_000 });
      const preview = await page.getByTestId('text-output-box').innerText();
      plannedFiles = [...preview.matchAll(/^(\S+) \((?:new|edited)\)$/gm)]
        .map(m => m[1])
        .sort();
      assert.ok(plannedFiles.includes('apps/invoices/base/deployment.yaml'));
      assert.ok(plannedFiles.includes('apps/kustomization.yaml'));
      assert.match(
        preview,
        /Deployment invoices\/invoices renders from \.\/apps/,
      );
      assert.match(preview, /added\s+apps\/v1 Deployment invoices\/invoices/);
      await page.screenshot({
        path: join(screenshotDir, 'create-new-service-preview.png'),
        fullPage: true,
      });
    });

    it('the commit is in the demo repository: one commit on main with the planned files', () => {
      const sha = git('rev-parse', `refs/heads/${BRANCH}`);
      assert.equal(
        git('rev-parse', `${sha}^`),
        git('rev-parse', 'refs/heads/main'),
      );
      // exactly the files the preview planned
      assert.deepEqual(
        git('diff', '--name-only', 'main', sha).split('\n'),
        plannedFiles,
      );
      assert.match(
        git('show', `${sha}:apps/invoices/base/deployment.yaml`),
        /image: cr\.example\/invoices:1\.0\.0/,
      );
      assert.match(
        git('show', `${sha}:apps/invoices/base/deployment.yaml`),
        /flux-portal\.io\/owner: group:default\/platform-team/,
      );
    });
  },
);
