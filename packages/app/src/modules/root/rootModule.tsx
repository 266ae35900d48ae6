import { Navigate } from 'react-router-dom';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/**
 * The portal opens on the catalog. The catalog page keeps its own path
 * (`/catalog`, where links and bookmarks point); the root only forwards
 * there, so both `/` and `/catalog` work.
 */
const rootRedirect = PageBlueprint.make({
  name: 'root',
  params: {
    path: '/',
    loader: async () => <Navigate to="/catalog" replace />,
  },
});

export const rootModule = createFrontendModule({
  pluginId: 'app',
  extensions: [rootRedirect],
});
