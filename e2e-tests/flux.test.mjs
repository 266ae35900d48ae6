/*
 * Browser test of the Flux tab and page against the started portal and its
 * simulated cluster(s): a failing service shows Failed with its message and
 * becomes Ready after Reconcile; a suspended one resumes; the Flux page
 * filters to failing objects; the tab has no serious/critical axe
 * violations. The entities are found at run time through the Flux API,
 * never hard-coded. Prints the time from navigation to the first status.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startPortal, e2eClusterPort } from './support/portal.mjs';
import { DEMO_CLUSTER_TOKEN } from '../scripts/demo-cluster.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';
import { axeViolations } from './support/axe.mjs';

const chromiumSkip = ensureChromium();
if (chromiumSkip) console.log(`flux browser tests skipped: ${chromiumSkip}`);

const APPLIERS = new Set(['Kustomization', 'HelmRelease']);
const KUSTOMIZATION = 'flux-portal.io/kustomization';
const HELM_RELEASE = 'flux-portal.io/helm-release';
const CLUSTERS = 'flux-portal.io/clusters';
const SHARED_BY = 'flux-portal.io/kustomization-shared-by';

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function poll(what, fn, { timeoutMs = 120_000, everyMs = 1000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

function entityRefOf(entity) {
  return `${entity.kind.toLowerCase()}:${
    entity.metadata.namespace ?? 'default'
  }/${entity.metadata.name}`;
}

function entityTabPath(entity) {
  return `/catalog/${
    entity.metadata.namespace ?? 'default'
  }/${entity.kind.toLowerCase()}/${entity.metadata.name}/flux`;
}

function objectKey(o) {
  return `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`;
}

/** The clusters an entity's annotation names. */
function clustersOf(entity) {
  return (entity.metadata.annotations?.[CLUSTERS] ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

/** Whether the entity's annotations point at this applier in its cluster. */
function entityDeploys(entity, object) {
  const annotations = entity.metadata.annotations ?? {};
  if (!clustersOf(entity).includes(object.cluster)) return false;
  const ref = `${object.namespace}/${object.name}`;
  if (object.kind === 'Kustomization')
    return annotations[KUSTOMIZATION] === ref;
  return annotations[HELM_RELEASE] === ref;
}

describe('Flux tab and page', { skip: chromiumSkip }, () => {
  let portal;
  let browser;
  let page;
  let token;
  let skipReason;

  const api = async (path, init = {}) => {
    const res = await fetch(`${portal.baseUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
    return res;
  };
  const json = async (path, init) => {
    const res = await api(path, init);
    assert.equal(
      res.status,
      200,
      `${path} answered ${res.status}: ${await res.clone().text()}`,
    );
    return res.json();
  };

  /**
   * An entity whose Flux tab shows an applier in `state`, found through
   * /api/flux/objects and the catalog. For Failed, one whose dependencies are
   * Ready, so a reconcile can make it Ready.
   */
  async function findEntityWith(state, entities) {
    const { items } = await json(`/api/flux/objects?state=${state}`);
    const candidates = items.filter(
      o =>
        APPLIERS.has(o.kind) &&
        (state !== 'Failed' ||
          (!o.suspended && o.dependsOn.every(d => d.state === 'Ready'))),
    );
    for (const object of candidates) {
      // Services (components) first: that is what developers open.
      const owners = entities
        .filter(e => entityDeploys(e, object))
        .sort(
          (a, b) =>
            Number(b.kind === 'Component') - Number(a.kind === 'Component'),
        );
      for (const entity of owners) {
        const status = await json(
          `/api/flux/entities/${entity.kind.toLowerCase()}/${
            entity.metadata.namespace ?? 'default'
          }/${entity.metadata.name}/status`,
        );
        const shown = status.clusters
          .flatMap(c => c.objects)
          .find(o => objectKey(o) === objectKey(object));
        if (shown?.state === state) return { entity, object: shown };
      }
    }
    return undefined;
  }

  /** The portal's decision on a Flux resource permission for the signed-in guest ('ALLOW' when permissions are off). */
  async function decision(name, resourceRef) {
    const res = await api('/api/permission/authorize', {
      method: 'POST',
      body: JSON.stringify({
        items: [
          {
            id: '1',
            resourceRef,
            permission: {
              type: 'resource',
              name,
              attributes: { action: 'update' },
              resourceType: 'catalog-entity',
            },
          },
        ],
      }),
    });
    if (res.status === 404) return 'ALLOW';
    assert.equal(res.status, 200, `permission check answered ${res.status}`);
    return (await res.json()).items[0].result;
  }

  /**
   * Whether the guest may run the action. When the portal's policy denies
   * it (the guest owns nothing and is not in flux.adminGroups), the button
   * must be absent from the row, which is checked here; the caller then
   * skips the action with the printed reason.
   */
  async function guestMay(permission, buttonName, entity, row) {
    if ((await decision(permission, entityRefOf(entity))) === 'ALLOW')
      return true;
    // The row has rendered its actions once the Details toggle is there.
    await row.getByRole('button', { name: /Details/ }).waitFor();
    assert.equal(
      await row.getByRole('button', { name: buttonName, exact: true }).count(),
      0,
      `"${buttonName}" must be hidden when the policy denies ${permission}`,
    );
    return false;
  }

  /**
   * Kustomization actions (and any suspend) ask first and name what they
   * touch: confirm once the dialog knows, and wait for it to close.
   */
  async function confirmIfAsked(object, verb) {
    if (object.kind !== 'Kustomization' && verb !== 'Suspend') return;
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('flux-action-impact').waitFor({ timeout: 15_000 });
    await dialog
      .getByRole('button', { name: new RegExp(`^${verb}( all \\d+)?$`) })
      .click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  const deniedReason = (permission, entity) =>
    `the portal's policy denies the guest ${permission} on ${entityRefOf(
      entity,
    )} (the button is hidden, as it should be); ` +
    'to run this step, let the guest act: make the signed-in guest a member of a flux.adminGroups group or an owner of the entity';

  /**
   * The catalog's Flux-mapped entities once ingestion has settled: the
   * provider ingests in batches after start, so wait until two reads three
   * seconds apart agree (without knowing how many there should be).
   */
  async function mappedEntities() {
    const read = async () =>
      (await json('/api/catalog/entities/by-query?limit=1000')).items.filter(
        e => e.metadata.annotations?.[CLUSTERS],
      );
    let last = [];
    return poll(
      'the catalog entities mapped to Flux to settle',
      async () => {
        const mapped = await read();
        const settled = mapped.length > 0 && mapped.length === last.length;
        last = mapped;
        return settled && mapped;
      },
      { timeoutMs: 180_000, everyMs: 3000 },
    );
  }

  before(async () => {
    portal = await startPortal();
    const refresh = await fetch(`${portal.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    token = (await refresh.json()).backstageIdentity.token;
    const runtime = await api('/api/flux/runtime');
    if (runtime.status === 404) {
      skipReason =
        'the Flux backend is not installed in the portal (/api/flux/runtime is 404)';
      console.log(`flux browser tests skipped: ${skipReason}`);
      return;
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  let entities = [];

  it('signs in and waits for the simulated clusters and the catalog', async t => {
    if (skipReason) return t.skip(skipReason);
    await poll('every Flux cluster to sync', async () => {
      const runtime = await json('/api/flux/runtime');
      return (
        runtime.clusters.length > 0 && runtime.clusters.every(c => c.synced)
      );
    });
    entities = await mappedEntities();
    await page.goto(portal.baseUrl);
    await page
      .getByRole('button', { name: 'Enter' })
      .click({ timeout: 60_000 });
    await page
      .getByRole('heading', { name: /Flux Portal Catalog/ })
      .waitFor({ timeout: 60_000 });
    return undefined;
  });

  it('shows a failing service as Failed with its message, and Ready after Reconcile', async t => {
    if (skipReason) return t.skip(skipReason);
    const found = await findEntityWith('Failed', entities);
    if (!found)
      return t.skip(
        'no failing applier with Ready dependencies in the simulated clusters',
      );
    const { entity, object } = found;
    console.log(
      `failing: ${entityRefOf(entity)} → ${objectKey(object)}: ${
        object.message
      }`,
    );

    const started = Date.now();
    await page.goto(`${portal.baseUrl}${entityTabPath(entity)}`);
    await page.getByTestId('flux-state').first().waitFor({ timeout: 60_000 });
    console.log(
      `time from navigation to first Flux status shown: ${
        Date.now() - started
      } ms`,
    );

    const row = page.locator(
      `[data-testid="flux-object"][data-key="${objectKey(object)}"]`,
    );
    await row.waitFor({ timeout: 30_000 });
    assert.equal(
      await row.getByTestId('flux-state').first().textContent(),
      'Failed',
    );
    // The message as the controller wrote it (first line is enough to identify it).
    await row
      .getByText(object.message.split('\n')[0].slice(0, 60), { exact: false })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.screenshot({
      path: join(screenshotDir, 'flux-tab-failing.png'),
      fullPage: true,
    });

    // Accessibility of the tab content (the portal chrome around it is not ours).
    const { violations, severe } = await axeViolations(
      page,
      '[data-testid="flux-entity-content"]',
    );
    console.log(
      `axe violations on the Flux tab: ${JSON.stringify(violations)}`,
    );
    assert.deepEqual(
      severe,
      [],
      'no serious or critical accessibility violations on the Flux tab',
    );

    const reconcileName = `Reconcile ${object.kind} ${object.namespace}/${object.name}`;
    if (
      !(await guestMay('flux.entity.reconcile', reconcileName, entity, row))
    ) {
      console.log(
        `reconcile step skipped: ${deniedReason(
          'flux.entity.reconcile',
          entity,
        )}`,
      );
      return t.skip(deniedReason('flux.entity.reconcile', entity));
    }
    await row
      .getByRole('button', {
        name: `Reconcile ${object.kind} ${object.namespace}/${object.name}`,
        exact: true,
      })
      .click();
    await confirmIfAsked(object, 'Reconcile');
    await row
      .getByText(/Reconcil(ing|ed)/)
      .first()
      .waitFor({ timeout: 10_000 });
    await row
      .getByText('Reconciled: Ready', { exact: false })
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await row.getByTestId('flux-state').first().textContent(),
      'Ready',
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-tab-reconciled.png'),
      fullPage: true,
    });
    return undefined;
  });

  it('resumes a suspended one', async t => {
    if (skipReason) return t.skip(skipReason);
    const found = await findEntityWith('Suspended', entities);
    if (!found) return t.skip('no suspended applier in the simulated clusters');
    const { entity, object } = found;
    console.log(`suspended: ${entityRefOf(entity)} → ${objectKey(object)}`);
    await page.goto(`${portal.baseUrl}${entityTabPath(entity)}`);
    const row = page.locator(
      `[data-testid="flux-object"][data-key="${objectKey(object)}"]`,
    );
    await row.waitFor({ timeout: 60_000 });
    assert.equal(
      await row.getByTestId('flux-state').first().textContent(),
      'Suspended',
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-tab-suspended.png'),
      fullPage: true,
    });
    const resumeName = `Resume ${object.kind} ${object.namespace}/${object.name}`;
    if (!(await guestMay('flux.entity.suspend', resumeName, entity, row))) {
      console.log(
        `resume step skipped: ${deniedReason('flux.entity.suspend', entity)}`,
      );
      return t.skip(deniedReason('flux.entity.suspend', entity));
    }
    await row
      .getByRole('button', {
        name: `Resume ${object.kind} ${object.namespace}/${object.name}`,
      })
      .click();
    await confirmIfAsked(object, 'Resume');
    await row.getByText('Resumed').waitFor({ timeout: 60_000 });
    await poll(
      'the resumed object to leave Suspended',
      async () =>
        (await row.getByTestId('flux-state').first().textContent()) !==
        'Suspended',
      { timeoutMs: 60_000, everyMs: 250 },
    );
    await row
      .getByRole('button', {
        name: `Suspend ${object.kind} ${object.namespace}/${object.name}`,
      })
      .waitFor();
    await page.screenshot({
      path: join(screenshotDir, 'flux-tab-resumed.png'),
      fullPage: true,
    });
    return undefined;
  });

  it('opens the Flux page and filters to failing objects', async t => {
    if (skipReason) return t.skip(skipReason);
    await page.goto(`${portal.baseUrl}/flux`);
    await page
      .getByRole('table', { name: 'Flux objects' })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('flux-runtime-cluster').first().waitFor();
    await page.getByLabel('State').selectOption('Failed');
    const rows = page.getByTestId('flux-object-row');
    let failing = 0;
    await poll(
      'the table to show exactly the failing objects',
      async () => {
        failing = (await json('/api/flux/objects?state=Failed')).items.length;
        const states = await rows.getByTestId('flux-state').allTextContents();
        return (
          states.every(s => s === 'Failed') &&
          states.length === Math.min(failing, 500)
        );
      },
      { timeoutMs: 30_000, everyMs: 500 },
    );
    console.log(
      `Flux page: ${failing} failing object(s) shown after filtering`,
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-page-failing.png'),
      fullPage: true,
    });
    return undefined;
  });

  it("filters the catalog's components by Flux state", async t => {
    if (skipReason) return t.skip(skipReason);
    // The most common state among the Flux-mapped components, from the API.
    const components = (await mappedEntities()).filter(
      e => e.kind === 'Component',
    );
    // Earlier steps changed states (a reconcile requeues dependents): wait
    // until two reads a second apart agree, so the UI and the API see the same.
    const readStates = async () =>
      (
        await json('/api/flux/entity-states', {
          method: 'POST',
          body: JSON.stringify({ entityRefs: components.map(entityRefOf) }),
        })
      ).states;
    let states = await readStates();
    await poll(
      'component Flux states to settle',
      async () => {
        const next = await readStates();
        const same = JSON.stringify(next) === JSON.stringify(states);
        states = next;
        return same;
      },
      { timeoutMs: 60_000, everyMs: 1000 },
    );
    const counts = {};
    for (const state of Object.values(states))
      counts[state] = (counts[state] ?? 0) + 1;
    const [state, expected] =
      Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!state) return t.skip('no Flux-mapped component in the catalog');
    await page.goto(portal.baseUrl);
    await page.getByLabel('Flux state').selectOption(state);
    // The catalog's own heading counts the filtered components.
    await page
      .getByRole('heading', { name: `All Components (${expected})` })
      .first()
      .waitFor({ timeout: 30_000 });
    console.log(`catalog: ${expected} component(s) in state ${state}`);
    await page.screenshot({
      path: join(screenshotDir, 'flux-catalog-filter.png'),
      fullPage: true,
    });
    return undefined;
  });

  it("serves every kind Backstage's Kubernetes plugin asks for, with pods that agree with their Deployments", async t => {
    if (skipReason) return t.skip(skipReason);
    // What the Kubernetes tab fetches for an entity (its default object types).
    const entity = entities.find(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.['backstage.io/kubernetes-id'],
    );
    if (!entity) return t.skip('no component with a kubernetes-id');
    const { items } = await json(
      `/api/kubernetes/services/${entity.metadata.name}`,
      { method: 'POST', body: JSON.stringify({ entity }) },
    );
    assert.equal(items.length, 1, 'one cluster');
    // Any NOT_FOUND here is the error banner the tab would show.
    assert.deepEqual(items[0].errors, []);
    const ofType = type =>
      items[0].resources.find(r => r.type === type)?.resources ?? [];
    const deployments = ofType('deployments');
    assert.ok(deployments.length > 0, 'the entity has Deployments');
    for (const deployment of deployments) {
      const owned = (list, owner) =>
        list.filter(o =>
          o.metadata.ownerReferences?.some(r => r.uid === owner.metadata.uid),
        );
      const replicaSets = owned(ofType('replicasets'), deployment);
      assert.equal(replicaSets.length, 1, 'one current ReplicaSet');
      const pods = owned(ofType('pods'), replicaSets[0]);
      assert.equal(pods.length, deployment.spec.replicas ?? 1);
      assert.equal(deployment.status.replicas, pods.length);
    }
    console.log(
      `kubernetes tab of ${entityRefOf(entity)}: ${items[0].resources
        .map(r => `${r.resources.length} ${r.type}`)
        .join(', ')}`,
    );
    return undefined;
  });

  it("shows the Kubernetes tab without an error banner, its pod count matching the entity's Deployments", async t => {
    if (skipReason) return t.skip(skipReason);
    const entity = entities.find(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.['backstage.io/kubernetes-id'],
    );
    if (!entity) return t.skip('no component with a kubernetes-id');
    const { items } = await json(
      `/api/kubernetes/services/${entity.metadata.name}`,
      { method: 'POST', body: JSON.stringify({ entity }) },
    );
    const pods =
      items[0].resources.find(r => r.type === 'pods')?.resources ?? [];
    await page.goto(
      `${portal.baseUrl}/catalog/default/component/${entity.metadata.name}/kubernetes`,
    );
    await page
      .getByText(`${pods.length} ${pods.length === 1 ? 'pod' : 'pods'}`, {
        exact: true,
      })
      .first()
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await page.getByText(/There was a problem retrieving/).count(),
      0,
      'no error banner on the Kubernetes tab',
    );
    await page.screenshot({
      path: join(screenshotDir, 'kubernetes-tab.png'),
      fullPage: true,
    });
    return undefined;
  });

  it('shows the Flux tab at the top level of an entity page', async t => {
    if (skipReason) return t.skip(skipReason);
    const entity = entities.find(e => e.kind === 'Component');
    if (!entity) return t.skip('no Flux-mapped component');
    await page.goto(
      `${portal.baseUrl}/catalog/default/component/${entity.metadata.name}`,
    );
    // a tab of its own (a link in the entity header), not an item of a menu
    const tab = page.locator(
      `a[href$="/catalog/default/component/${entity.metadata.name}/flux"]`,
    );
    await tab.first().waitFor({ timeout: 30_000 });
    assert.equal((await tab.first().textContent())?.trim(), 'Flux');
    return undefined;
  });
  it('names what a shared Kustomization touches before acting on it, and offers the service its own HelmRelease', async t => {
    if (skipReason) return t.skip(skipReason);
    // one with a HelmRelease of its own first (it is offered instead)
    const entity = entities
      .filter(e => Number(e.metadata.annotations?.[SHARED_BY] ?? 1) > 1)
      .sort(
        (a, b) =>
          Number(Boolean(b.metadata.annotations?.[HELM_RELEASE])) -
          Number(Boolean(a.metadata.annotations?.[HELM_RELEASE])),
      )[0];
    if (!entity) return t.skip('no entity deployed by a shared Kustomization');
    const kustomization = entity.metadata.annotations[KUSTOMIZATION];
    const [namespace, name] = kustomization.split('/');
    const cluster = clustersOf(entity)[0];
    const sharing = entities.filter(
      e =>
        e.metadata.annotations?.[KUSTOMIZATION] === kustomization &&
        clustersOf(e).includes(cluster),
    );
    const owners = new Set(sharing.map(e => e.spec?.owner));
    await page.goto(`${portal.baseUrl}${entityTabPath(entity)}`);
    const row = page.locator(
      `[data-testid="flux-object"][data-key="${cluster}/Kustomization/${namespace}/${name}"]`,
    );
    const suspend = row.getByRole('button', {
      name: `Suspend Kustomization ${namespace}/${name}`,
      exact: true,
    });
    await suspend.waitFor({ timeout: 60_000 });
    await poll('the actions to be enabled', () => suspend.isEnabled(), {
      timeoutMs: 30_000,
      everyMs: 250,
    });
    await suspend.click();
    const dialog = page.getByRole('dialog');
    const impact = dialog.getByTestId('flux-action-impact');
    await impact.waitFor({ timeout: 15_000 });
    assert.equal(
      await impact.textContent(),
      `It deploys ${sharing.length} entities of ${owners.size} ${
        owners.size === 1 ? 'owner' : 'owners'
      }: this acts on all of them.`,
    );
    const release = entity.metadata.annotations[HELM_RELEASE];
    if (release)
      await dialog
        .getByRole('button', { name: `Suspend HelmRelease ${release} only` })
        .waitFor();
    // axe measures contrast as drawn: wait for the dialog's fade-in to end
    await page.waitForFunction(() => {
      // eslint-disable-next-line no-undef
      for (
        let el = document.querySelector('[role="dialog"]');
        el;
        el = el.parentElement
      ) {
        // eslint-disable-next-line no-undef
        if (getComputedStyle(el).opacity !== '1') return false;
      }
      return true;
    });
    const { violations, severe } = await axeViolations(page, '[role="dialog"]');
    console.log(
      `axe violations in the confirmation: ${JSON.stringify(violations)}`,
    );
    assert.deepEqual(
      severe,
      [],
      'no serious or critical violations in the dialog',
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-confirm-shared-kustomization.png'),
    });
    console.log(
      `confirmation of ${kustomization} from ${entityRefOf(entity)}: ${
        sharing.length
      } entities, ${owners.size} owner(s)`,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return undefined;
  });

  it('shows a Flux state column in the catalog table that agrees with the API', async t => {
    if (skipReason) return t.skip(skipReason);
    await page.goto(`${portal.baseUrl}/catalog`);
    await page
      .getByRole('columnheader', { name: 'Flux state' })
      .first()
      .waitFor({ timeout: 60_000 });
    const chips = page.locator('tbody [data-testid="flux-state"]');
    await chips.first().waitFor({ timeout: 30_000 });
    // the first row's state is the API's state of that entity
    const firstRow = chips.first().locator('xpath=ancestor::tr');
    const name = (await firstRow.locator('td a').first().textContent()).trim();
    const entity = entities.find(
      e =>
        e.kind === 'Component' &&
        (e.metadata.title ?? e.metadata.name) === name,
    );
    assert.ok(entity, `the row "${name}" is a Flux-mapped component`);
    const { states } = await json('/api/flux/entity-states', {
      method: 'POST',
      body: JSON.stringify({ entityRefs: [entityRefOf(entity)] }),
    });
    await poll(
      `the row of ${name} to show ${states[entityRefOf(entity)]}`,
      async () =>
        (await chips.first().textContent()) === states[entityRefOf(entity)],
      { timeoutMs: 20_000, everyMs: 500 },
    );
    console.log(
      `catalog table: ${await chips.count()} Flux state chips on the first page`,
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-catalog-column.png'),
      fullPage: true,
    });
    return undefined;
  });

  it("shows what depends on a Resource and a System's members with their health", async t => {
    if (skipReason) return t.skip(skipReason);
    const { items } = await json(
      '/api/catalog/entities/by-query?filter=kind=resource,kind=system&limit=1000',
    );
    const count = (e, type) =>
      (e.relations ?? []).filter(r => r.type === type).length;
    const resource = items
      .filter(e => e.kind === 'Resource')
      .sort((a, b) => count(b, 'dependencyOf') - count(a, 'dependencyOf'))[0];
    if (!resource || count(resource, 'dependencyOf') === 0)
      return t.skip('no Resource that something depends on');
    await page.goto(
      `${portal.baseUrl}/catalog/default/resource/${resource.metadata.name}`,
    );
    const title = page.getByTestId('flux-related-title');
    await title.first().waitFor({ timeout: 60_000 });
    assert.equal(
      (await title.first().textContent()).trim(),
      `Depended on by (${count(resource, 'dependencyOf')})`,
    );
    const summary = await page
      .getByTestId('flux-related-summary')
      .first()
      .textContent();
    console.log(`${resource.metadata.name} is depended on by: ${summary}`);
    const { severe, violations } = await axeViolations(
      page,
      'table[aria-label="Depended on by"]',
    );
    console.log(
      `axe violations in Depended on by: ${JSON.stringify(violations)}`,
    );
    assert.deepEqual(severe, []);
    await page.screenshot({
      path: join(screenshotDir, 'flux-depended-on-by.png'),
      fullPage: true,
    });

    const system = items
      .filter(e => e.kind === 'System')
      .sort((a, b) => count(b, 'hasPart') - count(a, 'hasPart'))[0];
    if (!system || count(system, 'hasPart') === 0) return undefined;
    await page.goto(
      `${portal.baseUrl}/catalog/default/system/${system.metadata.name}`,
    );
    await page
      .getByTestId('flux-related-title')
      .first()
      .waitFor({ timeout: 60_000 });
    const members = (
      await page.getByTestId('flux-related-title').first().textContent()
    ).trim();
    assert.match(
      members,
      new RegExp(`^Members \\(${count(system, 'hasPart')}\\)`),
    );
    console.log(`system ${system.metadata.name}: ${members}`);
    await page.screenshot({
      path: join(screenshotDir, 'flux-system-members.png'),
      fullPage: true,
    });
    return undefined;
  });

  it('opens the home page on Flux widgets: failing objects, my entities, recent deploys', async t => {
    if (skipReason) return t.skip(skipReason);
    await page.goto(`${portal.baseUrl}/home`);
    for (const heading of [
      'Failing Flux objects',
      "My entities' Flux state",
      'Recent deploys',
    ]) {
      await page
        .getByText(heading, { exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
    }
    const failing = (await json('/api/flux/objects?state=Failed')).items.length;
    const count = page.getByTestId('flux-failing-count');
    await count.waitFor({ timeout: 30_000 });
    const text = await count.textContent();
    assert.ok(
      failing === 0
        ? text.startsWith('Nothing is failing')
        : new RegExp(`^\\d+ failing object`).test(text),
      `failing count shown: ${text}`,
    );
    await page
      .getByTestId('flux-deploy-row')
      .first()
      .waitFor({ timeout: 30_000 });
    // the guest is in platform-team, which owns the example's entities
    await page
      .getByTestId('flux-related-summary')
      .first()
      .waitFor({ timeout: 30_000 });
    console.log(
      `home: ${text}; ${await page
        .getByTestId('flux-deploy-row')
        .count()} recent deploys; my entities: ${await page
        .getByTestId('flux-related-summary')
        .first()
        .textContent()}`,
    );
    await page.screenshot({
      path: join(screenshotDir, 'flux-home.png'),
      fullPage: true,
    });
    return undefined;
  });

  it('offers actions on the Flux page rows', async t => {
    if (skipReason) return t.skip(skipReason);
    await page.goto(`${portal.baseUrl}/flux?kind=HelmRelease`);
    const open = page.getByRole('button', {
      name: /^Actions for HelmRelease /,
    });
    await open.first().waitFor({ timeout: 60_000 });
    const label = await open.first().getAttribute('aria-label');
    await open.first().click();
    const [, ref] = /^Actions for HelmRelease (\S+) in /.exec(label);
    await page
      .getByRole('button', {
        name: `Reconcile HelmRelease ${ref}`,
        exact: true,
      })
      .or(page.getByText('You may not act on it'))
      .first()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({
      path: join(screenshotDir, 'flux-page-row-actions.png'),
    });
    return undefined;
  });
  it('with the shared infrastructure Kustomization failing, judges each component by its own release: the filter finds the failing one and the suspended one, the rest stay Ready with the shared cause as context', async t => {
    if (skipReason) return t.skip(skipReason);
    // Infrastructure Resources with a HelmRelease of their own, deployed by one shared Kustomization.
    const infra = entities.filter(
      e =>
        e.kind === 'Resource' &&
        e.metadata.annotations?.[HELM_RELEASE] &&
        Number(e.metadata.annotations?.[SHARED_BY] ?? 1) > 1,
    );
    if (infra.length < 3)
      return t.skip('fewer than three infrastructure components with releases');
    // the issue's example names when the monorepo has them, otherwise the first ones
    const pick = (name, not) =>
      infra.find(e => e.metadata.name === name && e !== not) ??
      infra.find(e => e !== not);
    const statesOf = async list =>
      (
        await json('/api/flux/entity-states', {
          method: 'POST',
          body: JSON.stringify({ entityRefs: list.map(entityRefOf) }),
        })
      ).states;
    const before = await statesOf(infra);
    const failing = pick('zitadel');
    const suspended = pick('postgresql', failing);
    // one whose own release is Ready now
    const healthy = infra.find(
      e =>
        e !== failing && e !== suspended && before[entityRefOf(e)] === 'Ready',
    );
    if (!healthy)
      return t.skip(
        `no infrastructure component is Ready: ${JSON.stringify(before)}`,
      );
    const cluster = clustersOf(failing)[0];
    const kustomization = failing.metadata.annotations[KUSTOMIZATION];

    // The cluster's own API, as Flux would show it, then the simulator's control panel.
    const sim = `http://127.0.0.1:${e2eClusterPort}`;
    const simHeaders = {
      Authorization: `Bearer ${DEMO_CLUSTER_TOKEN}`,
      'Content-Type': 'application/json',
    };
    const read = async (path, kind, ref) => {
      const [ns, name] = ref.split('/');
      const res = await fetch(
        `${sim}${path}/namespaces/${ns}/${kind}/${name}`,
        {
          headers: simHeaders,
        },
      );
      assert.equal(res.status, 200, `${kind} ${ref}`);
      return res.json();
    };
    const write = async objects => {
      const res = await fetch(`${sim}/_simulator/objects`, {
        method: 'POST',
        headers: simHeaders,
        body: JSON.stringify(objects),
      });
      assert.equal(res.status, 200, await res.text());
    };
    const ks = await read(
      '/apis/kustomize.toolkit.fluxcd.io/v1',
      'kustomizations',
      kustomization,
    );
    const hr = ref =>
      read('/apis/helm.toolkit.fluxcd.io/v2', 'helmreleases', ref);
    const failingRelease = await hr(failing.metadata.annotations[HELM_RELEASE]);
    const suspendedRelease = await hr(
      suspended.metadata.annotations[HELM_RELEASE],
    );
    const originals = [ks, failingRelease, suspendedRelease].map(o =>
      structuredClone(o),
    );
    const now = new Date().toISOString();
    const notReady = (reason, message) => ({
      type: 'Ready',
      status: 'False',
      reason,
      message,
      lastTransitionTime: now,
    });
    const withReady = (obj, condition) => ({
      ...obj,
      status: {
        ...obj.status,
        conditions: [
          condition,
          ...(obj.status?.conditions ?? []).filter(c => c.type !== 'Ready'),
        ],
      },
    });
    try {
      await write([
        // a build failure after an earlier revision was applied: its objects stay in the cluster
        withReady(
          ks,
          notReady(
            'BuildFailed',
            'kustomize build failed: accumulating resources: missing resource',
          ),
        ),
        withReady(
          failingRelease,
          notReady(
            'InstallFailed',
            'Helm install failed: context deadline exceeded',
          ),
        ),
        {
          ...suspendedRelease,
          spec: { ...suspendedRelease.spec, suspend: true },
        },
      ]);
      const stateOf = async entity =>
        (await statesOf([entity]))[entityRefOf(entity)];
      let seen;
      await poll(
        'the backend to see the changes',
        async () => {
          seen = await statesOf([failing, suspended, healthy]);
          return (
            seen[entityRefOf(failing)] === 'Failed' &&
            seen[entityRefOf(suspended)] === 'Suspended' &&
            seen[entityRefOf(healthy)] === 'Ready'
          );
        },
        { timeoutMs: 30_000 },
      ).catch(e => {
        throw new Error(`${e.message}; states seen: ${JSON.stringify(seen)}`);
      });

      // the catalog's Flux state filter, over Resources
      const resourcesIn = async state => {
        await page.goto(
          `${portal.baseUrl}/catalog?filters%5Bkind%5D=resource&filters%5Buser%5D=all`,
        );
        await page.getByLabel('Flux state').selectOption(state);
        const link = name =>
          page.getByRole('link', { name, exact: true }).first();
        return link;
      };
      let link = await resourcesIn('Failed');
      await link(failing.metadata.title ?? failing.metadata.name).waitFor({
        timeout: 30_000,
      });
      assert.equal(
        await link(healthy.metadata.title ?? healthy.metadata.name).count(),
        0,
        'a component whose own release is Ready is not listed as Failed',
      );
      await page.screenshot({
        path: join(screenshotDir, 'flux-catalog-failing-resource.png'),
        fullPage: true,
      });
      link = await resourcesIn('Suspended');
      await link(suspended.metadata.title ?? suspended.metadata.name).waitFor({
        timeout: 30_000,
      });

      // a healthy component: its own state, the shared failure as context
      await page.goto(`${portal.baseUrl}${entityTabPath(healthy)}`);
      const context = page.getByTestId('flux-state-context').first();
      await context.waitFor({ timeout: 30_000 });
      const text = await context.textContent();
      assert.match(text, new RegExp(`deployed by ${kustomization}`));
      assert.match(text, /Failed$/);
      const section = page.locator(
        `[data-testid="flux-cluster"][data-cluster="${cluster}"]`,
      );
      assert.notEqual(
        await section.getByTestId('flux-state').first().textContent(),
        'Failed',
        "the shared failure does not become the component's own state",
      );
      console.log(
        `with ${kustomization} failing: ${entityRefOf(
          failing,
        )} Failed, ${entityRefOf(suspended)} Suspended, ${entityRefOf(
          healthy,
        )} ${await stateOf(healthy)} (${text})`,
      );
      await page.screenshot({
        path: join(screenshotDir, 'flux-tab-shared-cause.png'),
        fullPage: true,
      });
    } finally {
      await write(originals);
    }
    return undefined;
  });
});
