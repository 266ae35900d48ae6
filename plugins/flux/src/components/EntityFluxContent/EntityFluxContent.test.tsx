import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  fluxEntityReconcilePermission,
  fluxEntitySuspendPermission,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { EntityFluxContent } from './EntityFluxContent';
import {
  fakeFluxBackend,
  testFluxClient,
  type FluxBackendFake,
} from '../../__testUtils__/fluxServer';
import {
  NEXT_SHA,
  shopEntity,
  shopStatus,
  SHA,
  stagingRelease,
} from '../../__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);

let backend: FluxBackendFake;
afterEach(() => backend?.close());

// usePermission caches answers per permission and resourceRef for the whole
// file: a fresh entity name per test keeps one test's answers from leaking.
let renders = 0;

function render(
  options: {
    entity?: Entity;
    allow?: (name: string) => boolean;
  } = {},
) {
  const allow = options.allow ?? (() => true);
  return renderInTestApp(
    <EntityProvider
      entity={{
        ...(options.entity ?? shopEntity),
        metadata: {
          ...(options.entity ?? shopEntity).metadata,
          name: `shop-${++renders}`,
        },
      }}
    >
      <EntityFluxContent />
    </EntityProvider>,
    {
      apis: [
        [fluxApiRef, testFluxClient()],
        mockApis.permission({
          authorize: request =>
            allow(request.permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }),
      ],
    },
  );
}

/** Confirms a dialog once it knows what the action touches, and waits for it to close. */
async function confirmIn(dialog: HTMLElement, name: string | RegExp) {
  const button = within(dialog).getByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  await waitFor(() =>
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
  );
}

function prodSection() {
  return screen
    .getAllByTestId('flux-cluster')
    .find(el => el.getAttribute('data-cluster') === 'prod')!;
}

describe('EntityFluxContent', () => {
  it('summarises clusters worst first and shows the failing object with its message, revisions and a commit link', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render();
    expect(
      await screen.findByText(/kustomize build failed: accumulating resources/),
    ).toBeInTheDocument();

    // The header summarises clusters worst first: Failed, Unknown, Ready.
    const header = screen.getByRole('banner', {
      name: 'Flux state per cluster',
    });
    expect(header).toHaveTextContent(
      /Failed.*prod:Failed.*edge:Unknown.*staging:Ready/,
    );
    // Sections keep name order, so they do not move when a state changes.
    const order = screen
      .getAllByTestId('flux-cluster')
      .map(el => el.getAttribute('data-cluster'));
    expect(order).toEqual(['edge', 'prod', 'staging']);

    const prod = within(prodSection());
    expect(prod.getAllByTestId('flux-state')[0]).toHaveTextContent('Failed');
    expect(prod.getByText('main@0123456').closest('a')).toHaveAttribute(
      'href',
      `https://github.com/acme/fleet/commit/${SHA}`,
    );
    expect(prod.getByText('main@fedcba9').closest('a')).toHaveAttribute(
      'href',
      `https://github.com/acme/fleet/commit/${NEXT_SHA}`,
    );
    expect(prod.getByText('3 minutes ago')).toBeInTheDocument();
    expect(prod.getByText('10m')).toBeInTheDocument();
    expect(prod.getByText(/infrastructure \(Ready\)/)).toBeInTheDocument();
  });

  it('says what a waiting object waits for', async () => {
    backend = fakeFluxBackend(server, {
      status: shopStatus({
        prod: {
          state: 'Waiting',
          reason: 'DependencyNotReady',
          message: "dependency 'flux-system/infrastructure' is not ready",
          dependsOn: [
            {
              kind: 'Kustomization',
              namespace: 'flux-system',
              name: 'infrastructure',
              state: 'Failed',
            },
          ],
        },
      }),
    });
    render();
    expect(
      await screen.findByText('Waiting for infrastructure (Failed)'),
    ).toBeInTheDocument();
  });

  it('shows an unreachable cluster inline while the other clusters render', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Unreachable: connect ECONNREFUSED 10.0.0.9:6443',
    );
    expect(screen.getByText('HelmRelease shop/shop')).toBeInTheDocument();
    expect(
      screen.getByText('Kustomization flux-system/shop'),
    ).toBeInTheDocument();
  });

  it("shows a cluster's configured title and labels, the name where there is no title", async () => {
    const status = shopStatus();
    status.clusters = status.clusters.map(c =>
      c.cluster === 'staging'
        ? {
            ...c,
            title: 'staging (simulated)',
            labels: { environment: 'simulated' },
          }
        : c,
    );
    backend = fakeFluxBackend(server, { status });
    render();
    const staging = await screen.findByRole('heading', {
      name: 'Cluster staging (simulated)',
    });
    expect(staging).toHaveAttribute('title', 'staging');
    const section = within(staging.closest('section')!);
    expect(section.getByTestId('flux-cluster-label')).toHaveTextContent(
      'environment: simulated',
    );
    expect(
      screen.getByRole('banner', { name: 'Flux state per cluster' }),
    ).toHaveTextContent('staging (simulated):Ready');
    expect(
      within(prodSection()).getByRole('heading', { name: 'Cluster prod' }),
    ).not.toHaveAttribute('title');
    expect(
      within(prodSection()).queryByTestId('flux-cluster-label'),
    ).not.toBeInTheDocument();
  });

  it('explains the annotations for an entity that is not mapped to Flux', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render({
      entity: {
        ...shopEntity,
        metadata: { name: 'plain', namespace: 'default', annotations: {} },
      },
    });
    expect(
      await screen.findByText('This entity is not mapped to Flux'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/flux-portal\.io\/clusters/).length,
    ).toBeGreaterThan(0);
  });

  it('shows release history, inventory readiness and events in the details, and keeps them open across live updates', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render();
    await screen.findByText('HelmRelease shop/shop');
    const buttons = screen.getAllByRole('button', { name: 'Details' });
    // Sections in name order: prod, then staging (edge has no objects).
    await userEvent.click(buttons[0]);
    await userEvent.click(buttons[buttons.length - 1]);
    expect(
      screen.getByRole('table', { name: 'Release history' }),
    ).toHaveTextContent('shop@1.4.1');
    expect(screen.getByText('1/3 ready')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Events' })).toHaveTextContent(
      'Warning BuildFailed (×4): kustomize build failed',
    );

    await waitFor(() => expect(screen.getByText('Live')).toBeInTheDocument());
    backend.pushStatus(
      shopStatus({ prod: { message: 'dependency not ready, retrying' } }),
    );
    expect(
      await screen.findByText('dependency not ready, retrying'),
    ).toBeInTheDocument();
    expect(screen.getByText('1/3 ready')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Release history' }),
    ).toBeInTheDocument();
  });

  it('hides actions the user may not run', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render({ allow: name => name !== fluxEntityReconcilePermission.name });
    await screen.findByText('Kustomization flux-system/shop');
    await waitFor(() =>
      expect(
        screen.getByRole('button', {
          name: 'Suspend Kustomization flux-system/shop',
        }),
      ).toBeEnabled(),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /^Reconcile/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('hides suspend and resume without the suspend permission', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render({ allow: name => name !== fluxEntitySuspendPermission.name });
    await waitFor(() =>
      expect(
        screen.getByRole('button', {
          name: 'Reconcile Kustomization flux-system/shop',
        }),
      ).toBeEnabled(),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /^Suspend/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('asks before suspending and sends nothing when cancelled', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render();
    const suspend = await screen.findByRole('button', {
      name: 'Suspend Kustomization flux-system/shop',
    });
    await waitFor(() => expect(suspend).toBeEnabled());
    await userEvent.click(suspend);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Suspend Kustomization flux-system/shop?');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(backend.actions).toEqual([]);

    await userEvent.click(suspend);
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Suspend',
      }),
    );
    // The closing dialog hides the page from the accessibility tree until it is gone.
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(backend.actions).toEqual([
        {
          action: 'suspend',
          body: {
            cluster: 'prod',
            kind: 'Kustomization',
            namespace: 'flux-system',
            name: 'shop',
          },
        },
      ]),
    );
    expect(await screen.findByText('Suspending…')).toBeInTheDocument();
    backend.pushStatus(
      shopStatus({ prod: { suspended: true, state: 'Suspended' } }),
    );
    expect(
      await screen.findByText('Suspended', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Resume Kustomization flux-system/shop',
      }),
    ).toBeInTheDocument();
  });

  it('shows reconcile progress until the stream reports the request handled, then the result', async () => {
    const requestedAt = '2026-11-25T07:00:00.000000000Z';
    backend = fakeFluxBackend(server, { status: shopStatus(), requestedAt });
    render();
    const reconcile = await screen.findByRole('button', {
      name: 'Reconcile with source Kustomization flux-system/shop',
    });
    await waitFor(() => expect(reconcile).toBeEnabled());
    await waitFor(() => expect(screen.getByText('Live')).toBeInTheDocument());
    await userEvent.click(reconcile);
    // a Kustomization acts on every entity it deploys, so it asks first
    await confirmIn(await screen.findByRole('dialog'), 'Reconcile');

    expect(
      await screen.findByText('Reconciling with source…'),
    ).toBeInTheDocument();
    expect(backend.actions[0]).toEqual({
      action: 'reconcile',
      body: {
        cluster: 'prod',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'shop',
        withSource: true,
      },
    });
    // An update that has not handled the request yet keeps the progress.
    backend.pushStatus(
      shopStatus({ prod: { requestedAt, message: 'still building' } }),
    );
    expect(await screen.findByText('still building')).toBeInTheDocument();
    expect(screen.getByText('Reconciling with source…')).toBeInTheDocument();

    backend.pushStatus(
      shopStatus({
        prod: {
          requestedAt,
          lastHandledReconcileAt: requestedAt,
          state: 'Ready',
          message: 'Applied revision: main@sha1:fedcba98',
        },
      }),
    );
    expect(
      await screen.findByText(
        'Reconciled: Ready — Applied revision: main@sha1:fedcba98',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Reconciling with source…'),
    ).not.toBeInTheDocument();
  });

  it("shows the backend's reason when an action is refused, and lets the user try again", async () => {
    backend = fakeFluxBackend(server, {
      status: shopStatus(),
      actionError: {
        status: 409,
        name: 'ConflictError',
        message: 'Kustomization flux-system/shop is suspended; resume it first',
      },
    });
    render();
    const reconcile = await screen.findByRole('button', {
      name: 'Reconcile Kustomization flux-system/shop',
    });
    await waitFor(() => expect(reconcile).toBeEnabled());
    await userEvent.click(reconcile);
    await confirmIn(await screen.findByRole('dialog'), 'Reconcile');
    expect(
      await screen.findByText(
        'reconcile failed: Kustomization flux-system/shop is suspended; resume it first',
      ),
    ).toBeInTheDocument();
    expect(reconcile).toBeEnabled();
  });
  it("names how many entities and owners a shared Kustomization touches, refuses up front without the permission on all, and offers the entity's own HelmRelease", async () => {
    const status = shopStatus();
    const prod = status.clusters.find(c => c.cluster === 'prod')!;
    prod.objects = [...prod.objects, { ...stagingRelease, cluster: 'prod' }];
    backend = fakeFluxBackend(server, {
      status,
      impacts: {
        shop: {
          entities: 34,
          owners: ['group:default/a', 'group:default/b', 'group:default/c'],
          denied: 33,
          deniedExamples: ['component:default/cart'],
        },
      },
    });
    render();
    const suspend = await screen.findByRole('button', {
      name: 'Suspend Kustomization flux-system/shop',
    });
    await waitFor(() => expect(suspend).toBeEnabled());
    await userEvent.click(suspend);
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByTestId('flux-action-impact'),
    ).toHaveTextContent(
      'It deploys 34 entities of 3 owners: this acts on all of them.',
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'you lack the permission on 33 entities it deploys (component:default/cart, …)',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Suspend all 34' }),
    ).toBeDisabled();
    await confirmIn(dialog, 'Suspend HelmRelease shop/shop only');
    await waitFor(() =>
      expect(backend.actions).toEqual([
        {
          action: 'suspend',
          body: {
            cluster: 'prod',
            kind: 'HelmRelease',
            namespace: 'shop',
            name: 'shop',
          },
        },
      ]),
    );
  });

  it('reconciles a HelmRelease at once: it touches its entity only', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    render();
    const reconcile = await screen.findByRole('button', {
      name: 'Reconcile HelmRelease shop/shop',
    });
    await waitFor(() => expect(reconcile).toBeEnabled());
    await userEvent.click(reconcile);
    await waitFor(() =>
      expect(backend.actions).toEqual([
        expect.objectContaining({
          action: 'reconcile',
          body: expect.objectContaining({ kind: 'HelmRelease' }),
        }),
      ]),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
