/**
 * Ingests a Flux monorepo on a schedule as a full mutation: every refresh
 * replaces this provider's entities with what the manifests say now. A failed
 * read, an unchanged repository (ETag) or a suspiciously large removal keeps
 * the last good set. The last good set's entity refs live in a LastGoodStore
 * (the catalog database in the module), so the removal guard still holds
 * right after a backend restart and across backend instances.
 */
import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { formatProblem } from '@flux-portal/kustomize';
import { FluxMonorepoProviderConfig, readProviderConfigs } from './config';
import { ingestMonorepo } from './mapping';
import { entityRef } from './mapping/entityRefs';
import { createLocationAnnotator } from './locationAnnotations';
import {
  DatabaseLastGoodStore,
  LastGoodStore,
  memoryLastGoodStore,
  readLastGood,
} from './lastGoodStore';
import { readMonorepoTree } from './readMonorepoTree';
import { checkRemoval } from './removalGuard';

export type RefreshOutcome =
  | { status: 'applied'; entities: number; problems: number }
  | { status: 'not-modified' }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; reason: string };

export class FluxMonorepoEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private etag?: string;
  private readonly lastGood: LastGoodStore;

  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      scheduler: SchedulerService;
      urlReader: UrlReaderService;
      database?: DatabaseService;
    },
  ): FluxMonorepoEntityProvider[] {
    const integrations = ScmIntegrations.fromConfig(config);
    const lastGood = deps.database
      ? DatabaseLastGoodStore.fromDatabase(deps.database)
      : undefined;
    return readProviderConfigs(config).map(
      providerConfig =>
        new FluxMonorepoEntityProvider({
          config: providerConfig,
          logger: deps.logger.child({
            target: `flux-monorepo:${providerConfig.id}`,
          }),
          urlReader: deps.urlReader,
          integrations,
          lastGood,
          taskRunner: deps.scheduler.createScheduledTaskRunner(
            providerConfig.schedule,
          ),
        }),
    );
  }

  constructor(
    private readonly options: {
      config: FluxMonorepoProviderConfig;
      logger: LoggerService;
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      /** where the last good entity set is kept; default in memory (forgotten on restart) */
      lastGood?: LastGoodStore;
      /** omitted in tests that call refresh() themselves */
      taskRunner?: SchedulerServiceTaskRunner;
    },
  ) {
    this.lastGood = options.lastGood ?? memoryLastGoodStore();
  }

  getProviderName(): string {
    return `flux-monorepo-provider:${this.options.config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** Reads the monorepo and applies what changed; never throws. */
  async refresh(): Promise<RefreshOutcome> {
    const { config, logger } = this.options;
    if (!this.connection)
      return { status: 'failed', reason: 'not connected to the catalog yet' };
    const started = Date.now();
    let read;
    try {
      read = await readMonorepoTree(
        config.target,
        this.options.urlReader,
        this.etag,
      );
    } catch (error) {
      const reason = `could not read ${config.target}: ${
        (error as Error).message
      }`;
      logger.error(`${reason}; keeping the last ingested entities`);
      return { status: 'failed', reason };
    }
    if (read.status === 'not-modified') {
      logger.debug(`${config.target} is unchanged (ETag ${this.etag})`);
      return { status: 'not-modified' };
    }

    let ingestion;
    try {
      ingestion = await ingestMonorepo(read.tree, {
        path: config.path,
        clusters: config.clusters,
        defaultOwner: config.defaultOwner,
        locationAnnotations: createLocationAnnotator({
          target: config.target,
          repositoryUrl: config.repositoryUrl,
          integrations: this.options.integrations,
        }),
      });
    } catch (error) {
      const reason = `could not ingest ${config.target}: ${
        (error as Error).message
      }`;
      logger.error(`${reason}; keeping the last ingested entities`);
      return { status: 'failed', reason };
    }
    if (
      ingestion.entities.length === 0 &&
      ingestion.problems.some(p => p.severity === 'error')
    ) {
      // Nothing rendered at all: a broken checkout or wrong path, never a reason to wipe the catalog.
      const reason = `nothing could be ingested from ${
        config.target
      }: ${formatProblem(ingestion.problems[0])}`;
      logger.error(`${reason}; keeping the last ingested entities`);
      return { status: 'failed', reason };
    }
    for (const problem of ingestion.problems) {
      const log = problem.severity === 'error' ? logger.warn : logger.info;
      log.call(logger, formatProblem(problem), { code: problem.code });
    }

    const next = new Set(ingestion.entities.map(entityRef));
    // read on every refresh: another backend instance may have applied the last one
    const previous = await readLastGood(
      this.lastGood,
      this.getProviderName(),
      logger,
    );
    const decision = checkRemoval(previous, next, config.maxRemovalShare);
    if (!decision.allowed) {
      logger.warn(
        `Refusing to apply the refresh of ${config.target}: ${decision.reason}; keeping the last ingested entities`,
      );
      return { status: 'refused', reason: decision.reason! };
    }

    await this.connection.applyMutation({
      type: 'full',
      entities: ingestion.entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.etag = read.etag;
    try {
      await this.lastGood.write(this.getProviderName(), [...next]);
    } catch (error) {
      logger.warn(
        `Could not record the ingested entities for the removal guard: ${
          (error as Error).message
        }`,
      );
    }
    logger.info(
      `Ingested ${ingestion.entities.length} entities from ${
        config.target
      } in ${Date.now() - started} ms` +
        ` (${ingestion.problems.length} problems, ${decision.removed} removed)`,
    );
    return {
      status: 'applied',
      entities: ingestion.entities.length,
      problems: ingestion.problems.length,
    };
  }
}
