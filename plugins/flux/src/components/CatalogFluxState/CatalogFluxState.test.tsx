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
  it('filters the catalog list by the chosen state, asking only about mapped entities', async () => {
    const requests: string[][] = [];
    serveStates(requests);
    const updateFilters = jest.fn();
    const entities = [
      component('cart'),
      component('shop'),
      component('docs', false),
    ];
    await renderInTestApp(
      <MockEntityListContextProvider
        value={{ backendEntities: entities, updateFilters }}
      >
        <FluxStateFilterPicker />
      </MockEntityListContextProvider>,
      { apis: [[fluxApiRef, testFluxClient()]] },
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
    const filter: EntityFluxStateFilter =
      updateFilters.mock.calls.at(-1)[0].flux;
    expect(
      entities.filter(e => filter.filterEntity(e)).map(e => e.metadata.name),
    ).toEqual(['cart']);
    expect(requests).toEqual([
      ['component:default/cart', 'component:default/shop'],
    ]);

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
