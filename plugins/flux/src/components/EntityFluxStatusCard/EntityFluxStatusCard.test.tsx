import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fluxApiRef } from '../../api/FluxApi';
import { EntityFluxStatusCard } from './EntityFluxStatusCard';
import {
  fakeFluxBackend,
  testFluxClient,
  type FluxBackendFake,
} from '../../__testUtils__/fluxServer';
import { shopEntity, shopStatus } from '../../__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);
let backend: FluxBackendFake;
afterEach(() => backend?.close());

describe('EntityFluxStatusCard', () => {
  it('shows the compact state and revisions, and reconciles every applier', async () => {
    backend = fakeFluxBackend(server, {
      status: shopStatus(),
      requestedAt: '2026-11-25T07:00:00Z',
    });
    await renderInTestApp(
      <EntityProvider entity={shopEntity}>
        <EntityFluxStatusCard />
      </EntityProvider>,
      { apis: [[fluxApiRef, testFluxClient()], mockApis.permission()] },
    );
    expect(
      await screen.findByText('prod: Kustomization shop'),
    ).toBeInTheDocument();
    expect(screen.getByText('staging: HelmRelease shop')).toBeInTheDocument();
    expect(screen.getAllByTestId('flux-state')[0]).toHaveTextContent('Failed');
    expect(screen.getByText('main@0123456')).toBeInTheDocument();
    expect(screen.getByText('1.4.2')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'edge: connect ECONNREFUSED',
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reconcile' }),
    );
    await waitFor(() =>
      expect(
        backend.actions
          .map(a => `${a.action} ${a.body.cluster}/${a.body.kind}`)
          .sort(),
      ).toEqual([
        'reconcile prod/Kustomization',
        'reconcile staging/HelmRelease',
      ]),
    );
    expect(await screen.findAllByText('Reconciling…')).toHaveLength(2);
  });

  it("shows a shared deployer's state as context beside the entity's own", async () => {
    const status = shopStatus();
    status.clusters[0] = {
      ...status.clusters[0],
      rule: 'workloads',
      context: 'deployed by flux-system/apps, shared by 34 entities: Failed',
    };
    backend = fakeFluxBackend(server, { status });
    await renderInTestApp(
      <EntityProvider entity={shopEntity}>
        <EntityFluxStatusCard />
      </EntityProvider>,
      { apis: [[fluxApiRef, testFluxClient()], mockApis.permission()] },
    );
    expect(await screen.findByTestId('flux-state-context')).toHaveTextContent(
      'staging: deployed by flux-system/apps, shared by 34 entities: Failed',
    );
  });

  it('says how to map an entity without the clusters annotation', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    await renderInTestApp(
      <EntityProvider entity={{ ...shopEntity, metadata: { name: 'plain' } }}>
        <EntityFluxStatusCard />
      </EntityProvider>,
      { apis: [[fluxApiRef, testFluxClient()], mockApis.permission()] },
    );
    expect(await screen.findByText(/Not mapped to Flux/)).toBeInTheDocument();
  });
});
