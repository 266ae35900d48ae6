/**
 * Refresh on push for `flux-monorepo` Location entities (registered through
 * the catalog API or `catalog.locations`): the catalog reads them again only
 * every processing interval, so on a push the matching locations are asked
 * for a refresh through the catalog service, as the "refresh" button does.
 */
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { FLUX_MONOREPO_LOCATION_TYPE } from '../FluxMonorepoLocationProcessor';
import { PushedBranch, pushMatchesTarget } from './pushMatch';

/** A Location entity's targets: `spec.target` and `spec.targets`. */
function targetsOf(spec: unknown): string[] {
  const s = (spec ?? {}) as { target?: unknown; targets?: unknown };
  const all = [s.target, ...(Array.isArray(s.targets) ? s.targets : [])];
  return all.filter((t): t is string => typeof t === 'string');
}

/** Refreshes the `flux-monorepo` Locations a push concerns; returns their refs. */
export function createLocationPushRefresher(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}) {
  const { catalog, auth, logger } = options;
  return async (pushed: PushedBranch[]): Promise<string[]> => {
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Location', 'spec.type': FLUX_MONOREPO_LOCATION_TYPE },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec'],
      },
      { credentials },
    );
    const matching = items.filter(location =>
      targetsOf(location.spec).some(target =>
        pushed.some(p => pushMatchesTarget(target, p)),
      ),
    );
    const refs = matching.map(location => stringifyEntityRef(location));
    for (const ref of refs) {
      logger.info(`push to ${pushed[0].repository}: refreshing ${ref}`);
      await catalog.refreshEntity(ref, { credentials });
    }
    return refs;
  };
}
