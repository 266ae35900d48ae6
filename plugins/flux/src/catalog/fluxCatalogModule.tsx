/**
 * A catalog module that gives the catalog index a Flux state column. The
 * catalog page of the new frontend system takes filters from extensions but
 * not columns, so the module replaces the page extension (same id,
 * `page:catalog`, same path and route) with one that adds the column; the
 * catalog's filter extensions, including Flux's own, attach to it as before.
 * It pages results as the catalog does by default; the catalog page's
 * `pagination` and `exportSettings` config do not apply to it.
 */
import {
  coreExtensionData,
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import CategoryIcon from '@material-ui/icons/Category';

/** @public */
export const fluxCatalogPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
      routeRef: catalogPlugin.routes.catalogIndex,
      title: 'Catalog',
      icon: <CategoryIcon fontSize="inherit" />,
      loader: async () => {
        const { FluxCatalogPage } = await import('./FluxCatalogPage');
        return (
          <FluxCatalogPage
            filters={inputs.filters.map(filter =>
              filter.get(coreExtensionData.reactElement),
            )}
            createComponentRef={catalogPlugin.externalRoutes.createComponent}
          />
        );
      },
    });
  },
});

/**
 * Install beside the catalog plugin to get the Flux state column in the
 * catalog table.
 * @public
 */
export const fluxCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [fluxCatalogPage],
});
