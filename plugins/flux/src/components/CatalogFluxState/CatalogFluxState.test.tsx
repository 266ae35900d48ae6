import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { fluxApiRef } from '../../api/FluxApi';
import { baseUrl, testFluxClient } from '../../__testUtils__/fluxServer';
import { createFluxStateColumn } from './FluxStateCell';
import {
  EntityFluxStateFilter,
  FluxStateFilterPicker,
} from './FluxStateFilter';

const server = setupServer();
registerMswTestHooks(server);

function component(name: string, mapped = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      uid: `uid-${name}`,
      namespace: 'default',
      annotations: mapped ? { 'flux-portal.io/clusters': 'prod' } : {},
    },
  };
}

const states: Record<string, string> = {
  'component:default/cart': 'Failed',
  'component:default/shop': 'Ready',
};

function serveStates(requests: string[][]) {
  server.use(
    http.post(`${baseUrl}/entity-states`, async ({ request }) => {
      const { entityRefs } = (await request.json()) as { entityRefs: string[] };
      requests.push(entityRefs);
      return HttpResponse.json({
        states: Object.fromEntries(
          entityRefs.filter(r => states[r]).map(r => [r, states[r]]),
        ),
      });
    }),
  );
}

describe('catalog Flux state', () => {
  it('filters the catalog list in the catalog backend by the uids of entities in the chosen state', async () => {
    const requests: string[][] = [];
    serveStates(requests);
    const updateFilters = jest.fn();
    const mapped = [component('cart'), component('shop')];
    const queryEntities = jest.fn(async (_request: unknown) => ({
      items: mapped,
      pageInfo: {},
      totalItems: mapped.length,
    }));
    await renderInTestApp(
      <MockEntityListContextProvider value={{ updateFilters }}>
        <FluxStateFilterPicker />
      </MockEntityListContextProvider>,
      {
        apis: [
          [fluxApiRef, testFluxClient()],
          [catalogApiRef, { queryEntities }],
        ],
      },
    );
    await userEvent.selectOptions(
      await screen.findByLabelText('Flux state'),
      'Failed',
    );
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        flux: expect.any(EntityFluxStateFilter),
      }),
    );
    // Only entities with the clusters annotation are asked about.
    expect(queryEntities.mock.calls[0][0]).toMatchObject({
      query: {
        'metadata.annotations.flux-portal.io/clusters': { $exists: true },
      },
    });
    expect(requests).toEqual([
      ['component:default/cart', 'component:default/shop'],
    ]);
    const filter: EntityFluxStateFilter =
      updateFilters.mock.calls.at(-1)[0].flux;
    expect(filter.getCatalogQuery()).toEqual({
      'metadata.uid': { $in: ['uid-cart'] },
    });
    expect(filter.filterEntity(component('cart'))).toBe(true);
    expect(filter.filterEntity(component('shop'))).toBe(false);

    await userEvent.selectOptions(screen.getByLabelText('Flux state'), 'Stale');
    await waitFor(() =>
      expect(updateFilters.mock.calls.at(-1)[0].flux.getCatalogQuery()).toEqual(
        {
          'metadata.uid': { $in: ['flux-portal.io/no-entity'] },
        },
      ),
    );

    await userEvent.selectOptions(screen.getByLabelText('Flux state'), '');
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({ flux: undefined }),
    );
  });

  it('renders a legacy table column with one request for all its cells', async () => {
    const requests: string[][] = [];
    serveStates(requests);
    const column = createFluxStateColumn();
    await renderInTestApp(
      <div>
        {column.render!({ entity: component('cart') }, 'row')}
        {column.render!({ entity: component('shop') }, 'row')}
        {column.render!({ entity: component('docs', false) }, 'row')}
      </div>,
      { apis: [[fluxApiRef, testFluxClient()]] },
    );
    await waitFor(() =>
      expect(
        screen.getAllByTestId('flux-state').map(chip => chip.textContent),
      ).toEqual(['Failed', 'Ready']),
    );
    expect(column.title).toBe('Flux');
    expect(requests).toEqual([
      ['component:default/cart', 'component:default/shop'],
    ]);
  });
});
