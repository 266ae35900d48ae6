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
  CatalogProcessorResult,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import { FileTree, formatProblem } from '@flux-portal/kustomize';
import { ingestMonorepo } from './mapping';
import { createLocationAnnotator } from './locationAnnotations';
import { isUrlTarget, readMonorepoTree } from './readMonorepoTree';

/** @public */
export const FLUX_MONOREPO_LOCATION_TYPE = 'flux-monorepo';

const CACHE_KEY = 'flux-monorepo-v1';

interface CachedRead {
  etag: string;
  entities: Entity[];
}

/** @public */
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
      const entities = await this.readEntities(location.target, cache);
      for (const entity of entities)
        emit(processingResult.entity(location, entity));
    } catch (error) {
      const failure = readFailure(location, optional, error as Error);
      if (failure) emit(failure);
    }
    return true;
  }

  /** The location's entities: the cached ones while the repository's ETag is unchanged. */
  private async readEntities(
    target: string,
    cache: CatalogProcessorCache | undefined,
  ): Promise<Entity[]> {
    // entities are plain JSON; the cache's JsonValue type does not know the Entity interface
    const cached: CachedRead | undefined = await cache?.get<any>(CACHE_KEY);
    const read = await readMonorepoTree(
      target,
      this.options.urlReader,
      cached?.etag,
      { integrations: this.options.integrations },
    );
    if (read.status === 'not-modified') return cached?.entities ?? [];
    const entities = await this.ingest(target, read.tree);
    if (read.etag)
      await cache?.set<any>(CACHE_KEY, {
        etag: read.etag,
        entities,
      } satisfies CachedRead);
    return entities;
  }

  private async ingest(target: string, tree: FileTree): Promise<Entity[]> {
    const ingestion = await ingestMonorepo(tree, {
      locationAnnotations: createLocationAnnotator({
        target,
        integrations: this.options.integrations,
      }),
    });
    for (const problem of ingestion.problems) {
      this.options.logger.warn(`${target}: ${formatProblem(problem)}`, {
        code: problem.code,
      });
    }
    return ingestion.entities as Entity[];
  }
}

/** What the catalog reports for a read that threw; nothing for a missing optional location. */
function readFailure(
  location: LocationSpec,
  optional: boolean,
  error: Error,
): CatalogProcessorResult | undefined {
  if (error.name !== 'NotFoundError')
    return processingResult.generalError(
      location,
      `Could not read flux monorepo ${location.target}: ${error.message}`,
    );
  return optional
    ? undefined
    : processingResult.notFoundError(
        location,
        `${location.target} was not found`,
      );
}
