import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_PART,
  type Entity,
} from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ANNOTATION_CLUSTERS } from '@flux-portal/plugin-flux-common';
import { fluxApiRef } from '../../api/FluxApi';
import { baseUrl, testFluxClient } from '../../__testUtils__/fluxServer';
import { RelatedFluxStatesCard } from './RelatedFluxStatesCard';

const server = setupServer();
registerMswTestHooks(server);

function component(name: string, mapped = true): Entity {
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

/** 12 dependents: one Failed, one Suspended, one not deployed by Flux, the rest Ready. */
const dependents = [
  ...Array.from({ length: 9 }, (_, i) => component(`svc-${i}`)),
  component('billing'),
  component('zz-paused'),
  component('docs', false),
];
const states: Record<string, string> = Object.fromEntries(
  dependents
    .filter(e => e.metadata.annotations?.[ANNOTATION_CLUSTERS])
    .map(e => [`component:default/${e.metadata.name}`, 'Ready']),
);
states['component:default/billing'] = 'Failed';
states['component:default/zz-paused'] = 'Suspended';

function withRelations(
  entity: Entity,
  type: string,
  targets: Entity[],
): Entity {
  return {
    ...entity,
    relations: [
      ...targets.map(t => ({
        type,
        targetRef: `component:default/${t.metadata.name}`,
      })),
      // not listed: another relation type
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ],
  };
}

async function renderCard(entity: Entity, card: JSX.Element) {
  const requests: string[][] = [];
  server.use(
    http.post(`${baseUrl}/entity-states`, async ({ request }) => {
      const { entityRefs } = (await request.json()) as {
        entityRefs: string[];
      };
      requests.push(entityRefs);
      return HttpResponse.json({
        states: Object.fromEntries(
          entityRefs.filter(r => states[r]).map(r => [r, states[r]]),
        ),
      });
    }),
  );
  await renderInTestApp(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
    {
      apis: [
        [fluxApiRef, testFluxClient()],
        [catalogApiRef, catalogApiMock({ entities: [entity, ...dependents] })],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return requests;
}

const postgresql: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'postgresql', namespace: 'default' },
  spec: { type: 'database', owner: 'platform-team' },
};

describe('RelatedFluxStatesCard', () => {
  it('lists what depends on a Resource worst first with counts by state, and shows the rest on demand', async () => {
    const requests = await renderCard(
      withRelations(postgresql, RELATION_DEPENDENCY_OF, dependents),
      <RelatedFluxStatesCard
        title="Depended on by"
        relationType={RELATION_DEPENDENCY_OF}
        emptyText="Nothing depends on it."
      />,
    );
    expect(await screen.findByTestId('flux-related-title')).toHaveTextContent(
      'Depended on by (12)',
    );
    expect(screen.getByTestId('flux-related-summary')).toHaveTextContent(
      '1 Failed · 1 Suspended · 9 Ready · 1 not deployed by Flux',
    );
    const rows = () =>
      screen
        .getAllByTestId('flux-related-row')
        .map(r => within(r).getAllByRole('cell')[1].textContent);
    // the fault first; only the first ten until asked
    expect(rows()).toHaveLength(10);
    expect(rows().slice(0, 2)).toEqual(['billing', 'zz-paused']);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 12' }));
    expect(rows()).toHaveLength(12);
    expect(rows()[11]).toBe('docs');
    // one batched state request, for the entities Flux deploys only
    expect(requests).toHaveLength(1);
    expect(requests[0]).toHaveLength(11);
    expect(requests[0]).not.toContain('component:default/docs');
  });

  it("rolls a System's members up into its health: the worst member state", async () => {
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { owner: 'team-a' },
    };
    await renderCard(
      withRelations(system, RELATION_HAS_PART, [
        component('billing'),
        component('svc-1'),
      ]),
      <RelatedFluxStatesCard
        title="Members"
        relationType={RELATION_HAS_PART}
        emptyText="No members."
        rollUp
      />,
    );
    const title = await screen.findByTestId('flux-related-title');
    expect(title).toHaveTextContent('Members (2)');
    expect(within(title).getByTestId('flux-state')).toHaveTextContent('Failed');
  });

  it('says so when nothing is related', async () => {
    await renderCard(
      postgresql,
      <RelatedFluxStatesCard
        title="Depended on by"
        relationType={RELATION_DEPENDENCY_OF}
        emptyText="Nothing depends on it."
      />,
    );
    await waitFor(() =>
      expect(screen.getByText('Nothing depends on it.')).toBeInTheDocument(),
    );
    expect(screen.getByTestId('flux-related-title')).toHaveTextContent(
      'Depended on by (0)',
    );
  });
});
