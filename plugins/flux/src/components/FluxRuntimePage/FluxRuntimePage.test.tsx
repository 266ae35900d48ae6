import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import type {
  FluxObjectList,
  FluxRuntime,
} from '@flux-portal/plugin-flux-common';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HELM_RELEASE,
  ANNOTATION_KUSTOMIZATION,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { FluxRuntimeContent } from './FluxRuntimePage';
import { baseUrl, testFluxClient } from '../../__testUtils__/fluxServer';
import {
  failingShop,
  fluxObject,
  stagingRelease,
} from '../../__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);

const runtime: FluxRuntime = {
  generatedAt: new Date().toISOString(),
  clusters: [
    {
      cluster: 'prod',
      synced: true,
      controllers: [
        {
          name: 'kustomize-controller',
          namespace: 'flux-system',
          ready: true,
          replicas: 1,
          readyReplicas: 1,
          version: 'v1.4.0',
        },
        {
          name: 'helm-controller',
          namespace: 'flux-system',
          ready: false,
          replicas: 1,
          readyReplicas: 0,
          version: 'v1.1.0',
        },
      ],
      counts: {},
      versions: {},
      errors: [],
    },
    {
      cluster: 'edge',
      title: 'edge (simulated)',
      labels: { environment: 'simulated', region: 'eu' },
      synced: false,
      controllers: [],
      counts: {},
      versions: {},
      errors: [
        {
          cluster: 'edge',
          reason: 'Unreachable',
          message: 'connect ECONNREFUSED',
        },
      ],
    },
  ],
};

const objects: FluxObjectList = {
  errors: [],
  items: [
    fluxObject({ name: 'infrastructure' }),
    stagingRelease,
    fluxObject({
      name: 'paused',
      state: 'Suspended',
      suspended: true,
      message: 'suspended',
    }),
    failingShop,
  ],
};

function serve() {
  server.use(
    http.get(`${baseUrl}/runtime`, () => HttpResponse.json(runtime)),
    http.get(`${baseUrl}/objects`, () => HttpResponse.json(objects)),
    // No change events in these tests: an idle stream.
    http.get(
      `${baseUrl}/stream`,
      () =>
        new HttpResponse(new ReadableStream(), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
    ),
  );
}

/** Catalog entities as the catalog module annotates them. */
const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});
const catalogEntities = [
  entity('shop', {
    [ANNOTATION_CLUSTERS]: 'prod,staging',
    [ANNOTATION_KUSTOMIZATION]: 'flux-system/shop',
    [ANNOTATION_HELM_RELEASE]: 'shop/shop',
  }),
  ...['a', 'b', 'c', 'd'].map(n =>
    entity(`infra-${n}`, {
      [ANNOTATION_CLUSTERS]: 'prod',
      [ANNOTATION_KUSTOMIZATION]: 'flux-system/infrastructure',
    }),
  ),
  // the same Kustomization name in a cluster the list does not show
  entity('elsewhere', {
    [ANNOTATION_CLUSTERS]: 'edge',
    [ANNOTATION_KUSTOMIZATION]: 'flux-system/paused',
  }),
];

function renderPage() {
  return renderInTestApp(<FluxRuntimeContent />, {
    apis: [
      [fluxApiRef, testFluxClient()],
      [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/** The page against the fake backend's runtime and objects above. */
function renderServed() {
  serve();
  return renderPage();
}

function rowNames() {
  return within(screen.getByRole('table', { name: 'Flux objects' }))
    .getAllByTestId('flux-object-row')
    .map(row => row.children[3].textContent);
}

describe('FluxRuntimeContent', () => {
  it("shows every cluster's controllers and a cluster that cannot answer", async () => {
    await renderServed();
    const prod = await screen.findByRole('table', {
      name: 'Controllers of prod',
    });
    expect(
      within(prod).getByText('kustomize-controller').closest('tr'),
    ).toHaveTextContent('Healthy1/1v1.4.0');
    expect(
      within(prod).getByText('helm-controller').closest('tr'),
    ).toHaveTextContent('Unhealthy0/1');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Unreachable: connect ECONNREFUSED',
    );
  });

  it('shows each cluster by its configured title, with its labels as chips', async () => {
    await renderServed();
    const edge = await screen.findByRole('region', {
      name: 'Cluster edge controllers',
    });
    expect(within(edge).getByRole('heading')).toHaveTextContent(
      'edge (simulated)',
    );
    expect(
      within(edge)
        .getAllByTestId('flux-cluster-label')
        .map(chip => chip.textContent),
    ).toEqual(['environment: simulated', 'region: eu']);
    const prod = screen.getByRole('region', {
      name: 'Cluster prod controllers',
    });
    expect(within(prod).getByRole('heading')).toHaveTextContent(/^prod$/);
    expect(
      within(prod).queryByTestId('flux-cluster-label'),
    ).not.toBeInTheDocument();
  });

  it('lists every Flux object failing first and filters by state, kind, cluster and search', async () => {
    await renderServed();
    await screen.findByRole('table', { name: 'Flux objects' });
    expect(rowNames()).toEqual([
      'flux-system/shop',
      'flux-system/paused',
      // Equal states: by cluster, prod before staging.
      'flux-system/infrastructure',
      'shop/shop',
    ]);

    await userEvent.selectOptions(screen.getByLabelText('State'), 'Failed');
    await waitFor(() => expect(rowNames()).toEqual(['flux-system/shop']));
    expect(screen.getByText(/kustomize build failed/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('State'), '');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'HelmRelease');
    await waitFor(() => expect(rowNames()).toEqual(['shop/shop']));

    await userEvent.selectOptions(screen.getByLabelText('Kind'), '');
    await userEvent.selectOptions(screen.getByLabelText('Cluster'), 'prod');
    await userEvent.type(screen.getByLabelText('Search'), 'infra');
    await waitFor(() =>
      expect(rowNames()).toEqual(['flux-system/infrastructure']),
    );
    expect(screen.getByText('1 object')).toBeInTheDocument();
  });

  it('links each applier to the entities it deploys in its cluster, counting past a few', async () => {
    await renderServed();
    const table = await screen.findByRole('table', { name: 'Flux objects' });
    const row = (name: string) =>
      within(table)
        .getAllByTestId('flux-object-row')
        .find(r => r.children[3].textContent === name)!;
    // the Deploys cell of the row
    const deploys = (name: string) => row(name).children[4] as HTMLElement;
    await waitFor(() =>
      expect(
        within(deploys('flux-system/shop')).getByRole('link'),
      ).toHaveAttribute('href', '/catalog/default/component/shop'),
    );
    expect(within(deploys('shop/shop')).getByRole('link')).toHaveTextContent(
      'shop',
    );
    expect(deploys('flux-system/infrastructure')).toHaveTextContent(
      '4 entities',
    );
    // deployed by a same-named object of another cluster only
    expect(deploys('flux-system/paused')).toHaveTextContent(/^$/);
  });

  it('acts on a row through an entity it deploys, after naming what the action touches', async () => {
    serve();
    const posted: Array<{ path: string; body: unknown }> = [];
    server.use(
      http.post(
        `${baseUrl}/entities/:kind/:namespace/:name/actions/:action/impact`,
        async ({ request, params }) =>
          HttpResponse.json({
            action: params.action,
            object: await request.json(),
            entities: 4,
            owners: ['group:default/team-a'],
            denied: 0,
            deniedExamples: [],
          }),
      ),
      http.post(
        `${baseUrl}/entities/:kind/:namespace/:name/actions/:action`,
        async ({ request }) => {
          const body = (await request.json()) as Record<string, string>;
          posted.push({ path: new URL(request.url).pathname, body });
          return HttpResponse.json({ action: 'reconcile', object: body });
        },
      ),
    );
    renderPage();
    const open = await screen.findByRole('button', {
      name: 'Actions for Kustomization flux-system/infrastructure in prod',
    });
    // an object no catalog entity names offers nothing to act through
    expect(
      screen.queryByRole('button', {
        name: 'Actions for Kustomization flux-system/paused in prod',
      }),
    ).not.toBeInTheDocument();
    await userEvent.click(open);
    const reconcile = await screen.findByRole('button', {
      name: 'Reconcile Kustomization flux-system/infrastructure',
    });
    await waitFor(() => expect(reconcile).toBeEnabled());
    await userEvent.click(reconcile);
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByTestId('flux-action-impact'),
    ).toHaveTextContent('It deploys 4 entities of 1 owner');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reconcile all 4' }),
    );
    await waitFor(() =>
      expect(posted).toEqual([
        {
          path: '/api/flux/entities/component/default/infra-a/actions/reconcile',
          body: {
            cluster: 'prod',
            kind: 'Kustomization',
            namespace: 'flux-system',
            name: 'infrastructure',
            withSource: false,
          },
        },
      ]),
    );
  });

  it('refreshes the objects when the change stream reports changes', async () => {
    const encoder = new TextEncoder();
    let current = objects;
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    server.use(
      http.get(`${baseUrl}/runtime`, () => HttpResponse.json(runtime)),
      http.get(`${baseUrl}/objects`, () => HttpResponse.json(current)),
      http.get(`${baseUrl}/stream`, ({ request }) => {
        expect(new URL(request.url).searchParams.has('entityRef')).toBe(false);
        return new HttpResponse(
          new ReadableStream<Uint8Array>({
            start(controller) {
              stream = controller;
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        );
      }),
    );
    await renderPage();
    await screen.findByRole('table', { name: 'Flux objects' });
    expect(screen.queryByText('flux-system/new-app')).not.toBeInTheDocument();
    await waitFor(() => expect(stream).toBeDefined());

    current = {
      errors: [],
      items: [
        ...objects.items,
        fluxObject({ name: 'new-app', state: 'Progressing' }),
      ],
    };
    const changed = [
      {
        cluster: 'prod',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'new-app',
      },
    ];
    stream!.enqueue(
      encoder.encode(`event: change\ndata: ${JSON.stringify(changed)}\n\n`),
    );
    expect(await screen.findByText('flux-system/new-app')).toBeInTheDocument();
    stream!.close();
  });
});
