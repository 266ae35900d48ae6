import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Flux page (`/flux`). @public */
export const fluxPageRouteRef = createRouteRef();
