import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useLocation } from 'react-router-dom';
import {
  filterObjects,
  filtersFromSearch,
  type ObjectFilters as Filters,
} from '../../lib/objects';
import { useFluxOverview } from './useFluxOverview';
import { ControllersTable } from './ControllersTable';
import { ObjectFilters } from './ObjectFilters';
import { ObjectsTable } from './ObjectsTable';

/** The Flux page body: controllers' health per cluster and every Flux object, failing first. @public */
export function FluxRuntimeContent() {
  const { runtime, objects, runtimeError, objectsError, loading } =
    useFluxOverview();
  const location = useLocation();
  // a link may open the page filtered (e.g. the home page's failing objects)
  const [filters, setFilters] = useState<Filters>(() =>
    filtersFromSearch(location.search),
  );
  const items = objects?.items;
  const filtered = useMemo(
    () => filterObjects(items ?? [], filters),
    [items, filters],
  );

  if (loading) return <Progress />;
  return (
    <Box>
      <Typography variant="h5" component="h2" gutterBottom>
        Controllers
      </Typography>
      {runtimeError && <ResponseErrorPanel error={runtimeError} />}
      {runtime && <ControllersTable runtime={runtime} />}
      <Box mt={4}>
        <Typography variant="h5" component="h2">
          Flux objects
        </Typography>
        {objectsError && <ResponseErrorPanel error={objectsError} />}
        {objects?.errors.map(error => (
          <Typography
            key={`${error.cluster}/${error.reason}`}
            variant="body2"
            color="error"
            role="alert"
          >
            {error.cluster}: {error.reason}: {error.message}
          </Typography>
        ))}
        {objects && (
          <>
            <ObjectFilters
              items={objects.items}
              filters={filters}
              onChange={setFilters}
            />
            <ObjectsTable items={filtered} />
          </>
        )}
      </Box>
    </Box>
  );
}

/** A standalone page with a header, for legacy apps (the new system adds its own header). @public */
export function FluxRuntimePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Flux"
        subtitle="Every cluster's Flux controllers and objects"
      />
      <Content>
        <FluxRuntimeContent />
      </Content>
    </Page>
  );
}

/** The page body with the standard content padding, for the new frontend system's page (which brings its own header). */
export function FluxPageContent() {
  return (
    <Box px={3} pb={3}>
      <FluxRuntimeContent />
    </Box>
  );
}
