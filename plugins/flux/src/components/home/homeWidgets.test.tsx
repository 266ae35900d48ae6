import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ANNOTATION_CLUSTERS,
  type FluxDeployList,
  type FluxObjectList,
} from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { baseUrl, testFluxClient } from '../../__testUtils__/fluxServer';
import { failingShop, fluxObject } from '../../__testUtils__/fixtures';
import { fluxPageRouteRef } from '../../routes';
import { FailingObjectsWidget } from './FailingObjectsWidget';
import { MyEntitiesWidget } from './MyEntitiesWidget';
import { RecentDeploysWidget } from './RecentDeploysWidget';

const server = setupServer();
registerMswTestHooks(server);

function render(element: JSX.Element, entities: Entity[] = []) {
  return renderInTestApp(element, {
    apis: [
      [fluxApiRef, testFluxClient()],
      [catalogApiRef, catalogApiMock({ entities })],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
        }),
      ],
    ],
    mountedRoutes: {
      '/flux': fluxPageRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
  });
}

describe('home widgets', () => {
  it('lists the failing objects of every cluster and links to the Flux page filtered to them', async () => {
    let query = '';
    const list: FluxObjectList = {
      items: [failingShop],
      errors: [{ cluster: 'edge', reason: 'Unreachable', message: 'down' }],
    };
    server.use(
      http.get(`${baseUrl}/objects`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json(list);
      }),
    );
    await render(<FailingObjectsWidget />);
    expect(await screen.findByTestId('flux-failing-count')).toHaveTextContent(
      '1 failing object (1 cluster could not answer: edge)',
    );
    expect(query).toBe('?state=Failed');
    const table = screen.getByRole('table', { name: 'Failing Flux objects' });
    expect(table).toHaveTextContent('Kustomization flux-system/shop');
    expect(table).toHaveTextContent('kustomize build failed');
    expect(screen.getByRole('link', { name: 'The Flux page' })).toHaveAttribute(
      'href',
      '/flux?state=Failed',
    );
  });

  it("shows the Flux state of the entities the user or the user's groups own, worst first", async () => {
    const entity = (name: string, owner: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: { [ANNOTATION_CLUSTERS]: 'prod' },
      },
      spec: { type: 'service', owner },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    });
    server.use(
      http.post(`${baseUrl}/entity-states`, () =>
        HttpResponse.json({
          states: {
            'component:default/cart': 'Ready',
            'component:default/shop': 'Failed',
            'component:default/theirs': 'Failed',
          },
        }),
      ),
    );
    await render(<MyEntitiesWidget />, [
      entity('cart', 'user:default/alice'),
      entity('shop', 'group:default/team-a'),
      entity('theirs', 'group:default/team-b'),
    ]);
    expect(await screen.findByTestId('flux-related-summary')).toHaveTextContent(
      '1 Failed · 1 Ready',
    );
    const names = within(screen.getByRole('table'))
      .getAllByTestId('flux-related-row')
      .map(row => within(row).getAllByRole('cell')[1].textContent);
    expect(names).toEqual(['shop', 'cart']);
  });

  it('lists the newest deploys, a failed release in bold', async () => {
    let limit: string | null = null;
    const deploys: FluxDeployList = {
      errors: [],
      items: [
        {
          object: { ...fluxObject({ name: 'shop' }), kind: 'HelmRelease' },
          at: new Date(Date.now() - 120_000).toISOString(),
          what: 'shop@1.4.2 (failed)',
          ok: false,
        },
        {
          object: fluxObject({ name: 'apps' }),
          at: new Date(Date.now() - 3_600_000).toISOString(),
          what: 'Deployment/shop/web configured and 1 more',
          ok: true,
        },
      ].map(d => ({
        ...d,
        object: {
          cluster: d.object.cluster,
          kind: d.object.kind,
          namespace: d.object.namespace,
          name: d.object.name,
        },
      })),
    };
    server.use(
      http.get(`${baseUrl}/deploys`, ({ request }) => {
        limit = new URL(request.url).searchParams.get('limit');
        return HttpResponse.json(deploys);
      }),
    );
    await render(<RecentDeploysWidget />);
    const rows = await screen.findAllByTestId('flux-deploy-row');
    expect(limit).toBe('10');
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(/2 minutes ago.*shop@1\.4\.2 \(failed\)/),
      expect.stringMatching(/1 hour ago.*Deployment\/shop\/web configured/),
    ]);
    expect(within(rows[0]).getByText('shop@1.4.2 (failed)').tagName).toBe(
      'STRONG',
    );
  });
});
