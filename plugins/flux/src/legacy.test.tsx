import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fluxApiRef } from './api/FluxApi';
import {
  EntityFluxContent,
  EntityFluxStatusCard,
  legacyFluxPlugin,
} from './legacy';
import {
  fakeFluxBackend,
  testFluxClient,
  type FluxBackendFake,
} from './__testUtils__/fluxServer';
import { shopEntity, shopStatus } from './__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);
let backend: FluxBackendFake;
afterEach(() => backend?.close());

describe('legacy exports', () => {
  it('registers the FluxClient API factory', () => {
    const ids = [...legacyFluxPlugin.getApis()].map(factory => factory.api.id);
    expect(ids).toEqual([fluxApiRef.id]);
  });

  it('renders the tab and the card in a legacy app', async () => {
    backend = fakeFluxBackend(server, { status: shopStatus() });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fluxApiRef, testFluxClient()],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={shopEntity}>
          <EntityFluxStatusCard />
          <EntityFluxContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('prod: Kustomization shop'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/kustomize build failed: accumulating resources/),
    ).toBeInTheDocument();
  });
});
