import type { ReactNode } from 'react';
import { SupportButton } from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useRouteRef,
  type ExternalRouteRef,
} from '@backstage/frontend-plugin-api';
import { ButtonLink, Container, Header } from '@backstage/ui';
import {
  CatalogFilterLayout,
  EntityListProvider,
  type EntityListPagination,
} from '@backstage/plugin-catalog-react';
import {
  CatalogTable,
  type CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import { createFluxStateColumn } from '../components/CatalogFluxState/FluxStateCell';

/** The catalog's own columns for the chosen kind, then the Flux state. */
export const fluxCatalogColumns: CatalogTableColumnsFunc = context => [
  ...CatalogTable.defaultColumnsFunc(context),
  createFluxStateColumn({ title: 'Flux state' }),
];

export interface FluxCatalogPageProps {
  /** The catalog's filter extensions (kind, type, owner, Flux state, …). */
  filters: ReactNode;
  pagination?: EntityListPagination;
  /** Where "Create" leads; no button when the app leaves it unbound. */
  createComponentRef: ExternalRouteRef;
}

/**
 * The catalog index as the new frontend system draws it (header, filters,
 * table), with a Flux state column: the catalog page takes no columns from
 * extensions, so this page stands in for it.
 */
export function FluxCatalogPage(props: FluxCatalogPageProps) {
  const { filters, pagination = true, createComponentRef } = props;
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  const createLink = useRouteRef(createComponentRef);
  return (
    <EntityListProvider pagination={pagination}>
      <Header
        title={`${orgName} Catalog`}
        customActions={
          <>
            {createLink && (
              <ButtonLink variant="primary" href={createLink()}>
                Create
              </ButtonLink>
            )}
            <SupportButton>All your software catalog entities</SupportButton>
          </>
        }
      />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>{filters}</CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogTable columns={fluxCatalogColumns} />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
