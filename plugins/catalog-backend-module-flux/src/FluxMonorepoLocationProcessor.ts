/**
 * Handles `Location` entities of `type: flux-monorepo`, so a monorepo can be
 * registered at run time (catalog import or API) and mapped exactly like the
 * configured provider does. Only URL targets are accepted: they go through
 * UrlReader, which enforces the backend's `reading.allow` list; a local path
 * registered by a user would let anyone read the server's files.
 *
 * The catalog processes the location again every processing interval; the
 * last ETag and entities sit in the processor cache, so an unchanged
 * repository costs one request and re-emits the cached entities.
 */
import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import { formatProblem } from '@flux-portal/kustomize';
import { ingestMonorepo } from './mapping';
import { createLocationAnnotator } from './locationAnnotations';
import { isUrlTarget, readMonorepoTree } from './readMonorepoTree';

export const FLUX_MONOREPO_LOCATION_TYPE = 'flux-monorepo';

const CACHE_KEY = 'flux-monorepo-v1';

interface CachedRead {
  etag: string;
  entities: Entity[];
}

export class FluxMonorepoLocationProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      logger: LoggerService;
    },
  ) {}

  getProcessorName(): string {
    return 'FluxMonorepoLocationProcessor';
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    _parser: CatalogProcessorParser,
    cache?: CatalogProcessorCache,
  ): Promise<boolean> {
    if (location.type !== FLUX_MONOREPO_LOCATION_TYPE) return false;
    if (!isUrlTarget(location.target)) {
      emit(
        processingResult.inputError(
          location,
          `A ${FLUX_MONOREPO_LOCATION_TYPE} location needs a URL target, got '${location.target}'`,
        ),
      );
      return true;
    }
    try {
      // entities are plain JSON; the cache's JsonValue type does not know the Entity interface
      const cached: CachedRead | undefined = await cache?.get<any>(CACHE_KEY);
      const read = await readMonorepoTree(
        location.target,
        this.options.urlReader,
        cached?.etag,
      );
      if (read.status === 'not-modified') {
        for (const entity of cached?.entities ?? [])
          emit(processingResult.entity(location, entity));
        return true;
      }
      const ingestion = await ingestMonorepo(read.tree, {
        locationAnnotations: createLocationAnnotator({
          target: location.target,
          integrations: this.options.integrations,
        }),
      });
      for (const problem of ingestion.problems) {
        this.options.logger.warn(
          `${location.target}: ${formatProblem(problem)}`,
          { code: problem.code },
        );
      }
      const entities = ingestion.entities as Entity[];
      for (const entity of entities)
        emit(processingResult.entity(location, entity));
      if (read.etag)
        await cache?.set<any>(CACHE_KEY, {
          etag: read.etag,
          entities,
        } satisfies CachedRead);
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        if (!optional)
          emit(
            processingResult.notFoundError(
              location,
              `${location.target} was not found`,
            ),
          );
      } else {
        emit(
          processingResult.generalError(
            location,
            `Could not read flux monorepo ${location.target}: ${
              (error as Error).message
            }`,
          ),
        );
      }
    }
    return true;
  }
}
