import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import fluxPlugin, { fluxCatalogModule } from '@flux-portal/plugin-flux';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { rootModule } from './modules/root';

export default createApp({
  features: [
    catalogPlugin,
    // the catalog table with a Flux state column (replaces page:catalog)
    fluxCatalogModule,
    fluxPlugin,
    navModule,
    homeModule,
    rootModule,
  ],
});
