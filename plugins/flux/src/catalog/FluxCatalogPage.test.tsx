import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createExternalRouteRef } from '@backstage/frontend-plugin-api';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityKindPicker,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ANNOTATION_CLUSTERS } from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../api/FluxApi';
import { baseUrl, testFluxClient } from '../__testUtils__/fluxServer';
import { FluxCatalogPage } from './FluxCatalogPage';

const server = setupServer();
registerMswTestHooks(server);

function component(name: string, mapped: boolean): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: mapped ? { [ANNOTATION_CLUSTERS]: 'prod' } : {},
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

describe('FluxCatalogPage', () => {
  it("adds a Flux state column to the catalog's own columns, with each mapped entity's state in one batched request", async () => {
    const requests: string[][] = [];
    server.use(
      http.post(`${baseUrl}/entity-states`, async ({ request }) => {
        const { entityRefs } = (await request.json()) as {
          entityRefs: string[];
        };
        requests.push(entityRefs);
        return HttpResponse.json({
          states: { 'component:default/cart': 'Failed' },
        });
      }),
    );
    await renderInTestApp(
      <FluxCatalogPage
        filters={<EntityKindPicker initialFilter="component" />}
        createComponentRef={createExternalRouteRef()}
      />,
      {
        apis: [
          [fluxApiRef, testFluxClient()],
          [starredEntitiesApiRef, new MockStarredEntitiesApi()],
          [
            catalogApiRef,
            catalogApiMock({
              entities: [component('cart', true), component('docs', false)],
            }),
          ],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await screen.findByText('cart');
    const headers = screen.getAllByRole('columnheader').map(h => h.textContent);
    expect(headers).toEqual(
      expect.arrayContaining(['Name', 'Owner', 'Flux state']),
    );
    const row = (name: string) =>
      screen.getByText(name).closest('tr') as HTMLElement;
    await waitFor(() =>
      expect(within(row('cart')).getByTestId('flux-state')).toHaveTextContent(
        'Failed',
      ),
    );
    // an entity Flux does not deploy gets an empty cell and is not asked for
    expect(within(row('docs')).queryByTestId('flux-state')).toBeNull();
    expect(requests).toEqual([['component:default/cart']]);
  });
});
