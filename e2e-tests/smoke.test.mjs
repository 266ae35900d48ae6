/*
 * Browser smoke test: the portal starts, a guest signs in in real Chromium,
 * and the catalog (mounted at /) lists this portal's own entities.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startPortal } from './support/portal.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';

const skipReason = ensureChromium();
if (skipReason) console.log(`browser tests skipped: ${skipReason}`);

describe('portal smoke', { skip: skipReason }, () => {
  let portal;
  let browser;
  let page;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows the Flux Portal sign-in page and signs in as guest', async () => {
    await page.goto(portal.baseUrl);
    await page.getByText('Flux Portal').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Enter' }).click();
    // After sign-in the catalog is the landing page.
    await page
      .getByRole('heading', { name: /Flux Portal Catalog/ })
      .waitFor({ timeout: 60_000 });
  });

  it('shows the catalog page', async () => {
    await page
      .getByRole('heading', { name: /Flux Portal Catalog/ })
      .waitFor({ timeout: 60_000 });
    await page.screenshot({
      path: join(screenshotDir, 'smoke-catalog.png'),
      fullPage: true,
    });
    assert.match(await page.title(), /Flux Portal/);
  });

  it('opens the catalog at /catalog, where the root forwards', async () => {
    assert.equal(new URL(page.url()).pathname, '/catalog');
    await page.goto(`${portal.baseUrl}/catalog`);
    await page
      .getByRole('heading', { name: /Flux Portal Catalog/ })
      .waitFor({ timeout: 30_000 });
    // every component, not only the guest's own
    await page
      .getByRole('heading', { name: /^All Components \(\d+\)$/ })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  it('answers an authenticated catalog API request', async () => {
    const refresh = await fetch(`${portal.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    assert.equal(refresh.status, 200);
    const { backstageIdentity } = await refresh.json();
    // The monorepo provider ingests shortly after start: poll until its services are there.
    let body;
    for (let i = 0; i < 60; i++) {
      const entities = await fetch(
        `${portal.baseUrl}/api/catalog/entities/by-query?filter=kind=component&limit=200`,
        {
          headers: { Authorization: `Bearer ${backstageIdentity.token}` },
        },
      );
      assert.equal(entities.status, 200);
      body = await entities.json();
      if (
        body.items.filter(
          e =>
            e.metadata.annotations?.['flux-portal.io/clusters'] === 'contour',
        ).length >= 34
      )
        break;
      await new Promise(r => setTimeout(r, 1000));
    }
    assert.ok(
      body.items.some(e => e.metadata.name === 'flux-portal'),
      'flux-portal component in the catalog',
    );
    const fromMonorepo = body.items.filter(
      e => e.metadata.annotations?.['flux-portal.io/clusters'] === 'contour',
    );
    assert.equal(
      fromMonorepo.length,
      34,
      'the example monorepo services are ingested',
    );
    const anonymous = await fetch(
      `${portal.baseUrl}/api/catalog/entities/by-query`,
    );
    assert.equal(
      anonymous.status,
      401,
      'the catalog API refuses unauthenticated requests',
    );
  });
});
