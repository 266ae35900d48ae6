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
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startPortal, repoRoot } from './support/portal.mjs';
import {
  ensureChromium,
  launchBrowser,
  screenshotDir,
} from './support/browser.mjs';

const chromiumSkip = ensureChromium();
if (chromiumSkip) console.log(`flux browser tests skipped: ${chromiumSkip}`);

// axe-core is a devDependency of packages/app (the root package.json is not ours to edit).
const axePath = createRequire(
  join(repoRoot, 'packages/app/package.json'),
).resolve('axe-core/axe.min.js');

const APPLIERS = new Set(['Kustomization', 'HelmRelease']);
const KUSTOMIZATION = 'flux-portal.io/kustomization';
const HELM_RELEASE = 'flux-portal.io/helm-release';
const CLUSTERS = 'flux-portal.io/clusters';

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

/** Whether the entity's annotations point at this applier in its cluster. */
function entityDeploys(entity, object) {
  const annotations = entity.metadata.annotations ?? {};
  const clusters = (annotations[CLUSTERS] ?? '').split(',').map(s => s.trim());
  if (!clusters.includes(object.cluster)) return false;
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
    // Evaluated rather than added as a <script>: the portal's CSP forbids inline scripts.
    await page.evaluate(readFileSync(axePath, 'utf8'));
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const result = await window.axe.run(
        { include: [['[data-testid="flux-entity-content"]']] },
        {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
          },
        },
      );
      return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map(n =>
          `${n.target.join(' ')}: ${n.failureSummary}`.slice(0, 300),
        ),
      }));
    });
    console.log(
      `axe violations on the Flux tab: ${JSON.stringify(violations)}`,
    );
    const severe = violations.filter(
      v => v.impact === 'serious' || v.impact === 'critical',
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
});
