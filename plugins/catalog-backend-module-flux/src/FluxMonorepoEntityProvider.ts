/**
 * Ingests a Flux monorepo on a schedule as a full mutation: every scheduled
 * refresh replaces this provider's entities with what the manifests say now.
 * A refresh on push sends only what changed (a delta mutation) when this
 * instance applied the last set: at 10,000 apps a full mutation makes the
 * catalog hash and compare every entity, a delta costs it one row per
 * change. The next scheduled full refresh corrects any drift. A failed
 * read, an unchanged repository (ETag) or a suspiciously large removal keeps
 * the last good set. The last good set's entity refs live in a LastGoodStore
 * (the catalog database in the module), so the removal guard still holds
 * right after a backend restart and across backend instances.
 */
import { randomUUID } from 'node:crypto';
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
import { FileTree, formatProblem, ParseCache } from '@flux-portal/kustomize';
import { FluxMonorepoProviderConfig, readProviderConfigs } from './config';
import { ingestMonorepo, Ingestion } from './mapping';
import { entityRef } from './mapping/entityRefs';
import { createLocationAnnotator } from './locationAnnotations';
import { DatabaseLastGoodStore } from './lastGood/DatabaseLastGoodStore';
import {
  LastGoodStore,
  memoryLastGoodStore,
  readLastGood,
} from './lastGood/LastGoodStore';

type LastGood = Awaited<ReturnType<typeof readLastGood>>;
import { MonorepoRead, readMonorepoTree } from './readMonorepoTree';
import { checkRemoval, RemovalDecision } from './removalGuard';
import { CommittedEntities, EntityCommits } from './sourceCommit';

/** @public */
export type RefreshOutcome =
  | {
      status: 'applied';
      entities: number;
      problems: number;
      /** `delta`: only the changed and removed entities were sent */
      mutation: 'full' | 'delta';
      /** entities sent as new or changed (all of them in a full mutation) */
      changed: number;
      removed: number;
    }
  | { status: 'not-modified' }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; reason: string };

/**
 * What asked for a refresh: the schedule (a full mutation), or a push event
 * (a delta when this instance applied the last set).
 *
 * @public
 */
export type RefreshTrigger = 'schedule' | 'push';

/** @public */
export class FluxMonorepoEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private etag?: string;
  /** a re-read after a push parses only the files that changed */
  private readonly parseCache = new ParseCache();
  private readonly commits = new EntityCommits();
  private readonly lastGood: LastGoodStore;
  /** the generation of the last good set this instance wrote, while the store holds it */
  private generation?: string;
  /** a scheduled call is waiting: the next run sends a full mutation */
  private fullWanted = false;
  /** the refresh in progress, and whether another was asked for meanwhile */
  private running?: Promise<RefreshOutcome>;
  private again?: Promise<RefreshOutcome>;

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

  /** The repository target this provider reads (a URL or a local folder). */
  getTarget(): string {
    return this.options.config.target;
  }

  /**
   * Reads the monorepo and applies what changed; never throws for a bad read
   * or ingestion. The scheduled task and push events both call it; runs never
   * overlap: a call during a run waits for it and then runs once more (calls
   * meanwhile share that one run), so a push during a read is not missed.
   * A run that serves any scheduled call sends a full mutation.
   */
  refresh(trigger: RefreshTrigger = 'schedule'): Promise<RefreshOutcome> {
    if (trigger === 'schedule') this.fullWanted = true;
    return this.enqueue();
  }

  private enqueue(): Promise<RefreshOutcome> {
    if (!this.running) {
      const run = this.refreshOnce().finally(() => {
        if (this.running === run) this.running = undefined;
      });
      this.running = run;
      return run;
    }
    if (!this.again) {
      const current = this.running;
      this.again = current
        .catch(() => undefined)
        .then(() => {
          this.again = undefined;
          return this.enqueue();
        });
    }
    return this.again;
  }

  private async refreshOnce(): Promise<RefreshOutcome> {
    const connection = this.connection;
    if (!connection)
      return { status: 'failed', reason: 'not connected to the catalog yet' };
    const full = this.fullWanted;
    this.fullWanted = false;
    const started = Date.now();
    const read = await this.readTarget();
    if (read.status !== 'read') return read;
    const readMs = Date.now() - started;
    const ingestion = await this.ingest(read.tree);
    if ('status' in ingestion) return ingestion;
    const mapped = Date.now();

    const next = new Set(ingestion.entities.map(entityRef));
    const guard = await this.guardRemoval(next);
    if ('status' in guard) return guard;
    const committed = this.commits.annotate(ingestion.entities, read.commit);
    const delta = !full && this.holdsLastGood(guard.previous);
    const { removed } = guard;
    await this.apply(connection, committed, removed, delta);
    this.commits.remember(committed);
    this.etag = read.etag;
    // a delta that added and removed no entity leaves the stored set (and its generation) as it is
    if (!delta || removed.length > 0 || next.size !== guard.previous.refs.size)
      await this.recordLastGood(next);
    const changed = delta
      ? committed.changed.length
      : committed.entities.length;
    this.options.logger.info(
      `Ingested ${ingestion.entities.length} entities from ${
        this.options.config.target
      } in ${Date.now() - started} ms` +
        ` (read ${readMs} ms, mapped ${mapped - started - readMs} ms, applied ${
          Date.now() - mapped
        } ms as a ${delta ? 'delta' : 'full'} mutation; ${changed} changed, ${
          removed.length
        } removed, ${ingestion.problems.length} problems)`,
    );
    return {
      status: 'applied',
      entities: ingestion.entities.length,
      problems: ingestion.problems.length,
      mutation: delta ? 'delta' : 'full',
      changed,
      removed: removed.length,
    };
  }

  /** Applies the whole set, or only what changed and the removed refs; an empty delta is not sent. */
  private async apply(
    connection: EntityProviderConnection,
    committed: CommittedEntities,
    removed: string[],
    delta: boolean,
  ): Promise<void> {
    const locationKey = this.getProviderName();
    if (!delta) {
      await connection.applyMutation({
        type: 'full',
        entities: committed.entities.map(entity => ({ entity, locationKey })),
      });
    } else if (committed.changed.length > 0 || removed.length > 0) {
      await connection.applyMutation({
        type: 'delta',
        added: committed.changed.map(entity => ({ entity, locationKey })),
        removed: removed.map(ref => ({ entityRef: ref, locationKey })),
      });
    }
  }

  /**
   * Whether the catalog holds what this instance applied last: the stored
   * generation is the one it wrote. Another backend instance's refresh writes
   * its own, and a restart forgets ours; either way the next one is full.
   */
  private holdsLastGood(previous: LastGood): boolean {
    return (
      this.generation !== undefined && previous.generation === this.generation
    );
  }

  /** A failed refresh keeps what the catalog has: logged, and returned as the outcome. */
  private failed(reason: string): RefreshOutcome {
    this.options.logger.error(`${reason}; keeping the last ingested entities`);
    return { status: 'failed', reason };
  }

  private async readTarget(): Promise<MonorepoRead | RefreshOutcome> {
    const { config, logger, urlReader } = this.options;
    try {
      const read = await readMonorepoTree(config.target, urlReader, this.etag, {
        integrations: this.options.integrations,
      });
      if (read.status === 'not-modified')
        logger.debug(`${config.target} is unchanged (ETag ${this.etag})`);
      return read;
    } catch (error) {
      return this.failed(
        `could not read ${config.target}: ${(error as Error).message}`,
      );
    }
  }

  /** Maps the tree; problems are logged, and a tree where nothing renders is a failure. */
  private async ingest(tree: FileTree): Promise<Ingestion | RefreshOutcome> {
    const { config, logger } = this.options;
    let ingestion: Ingestion;
    try {
      ingestion = await ingestMonorepo(tree, {
        path: config.path,
        clusters: config.clusters,
        defaultOwner: config.defaultOwner,
        rules: config.mapping,
        clusterFallbackName: config.id,
        parseCache: this.parseCache,
        locationAnnotations: createLocationAnnotator({
          target: config.target,
          repositoryUrl: config.repositoryUrl,
          integrations: this.options.integrations,
        }),
      });
    } catch (error) {
      return this.failed(
        `could not ingest ${config.target}: ${(error as Error).message}`,
      );
    }
    if (
      ingestion.entities.length === 0 &&
      ingestion.problems.some(p => p.severity === 'error')
    ) {
      // Nothing rendered at all: a broken checkout or wrong path, never a reason to wipe the catalog.
      return this.failed(
        `nothing could be ingested from ${config.target}: ${formatProblem(
          ingestion.problems[0],
        )}`,
      );
    }
    for (const problem of ingestion.problems) {
      const log = problem.severity === 'error' ? logger.warn : logger.info;
      log.call(logger, formatProblem(problem), { code: problem.code });
    }
    return ingestion;
  }

  /** The removal guard against the last good set, read on every refresh: another backend instance may have applied the last one. */
  private async guardRemoval(
    next: ReadonlySet<string>,
  ): Promise<(RemovalDecision & { previous: LastGood }) | RefreshOutcome> {
    const { config, logger } = this.options;
    const previous = await readLastGood(
      this.lastGood,
      this.getProviderName(),
      logger,
    );
    const decision = checkRemoval(previous.refs, next, config.maxRemovalShare);
    if (decision.allowed) return { ...decision, previous };
    logger.warn(
      `Refusing to apply the refresh of ${config.target}: ${decision.reason}; keeping the last ingested entities`,
    );
    return { status: 'refused', reason: decision.reason! };
  }

  private async recordLastGood(refs: ReadonlySet<string>): Promise<void> {
    const generation = randomUUID();
    // unknown until the write succeeds: a failed write makes the next refresh full
    this.generation = undefined;
    try {
      await this.lastGood.write(this.getProviderName(), {
        entityRefs: [...refs],
        generation,
      });
      this.generation = generation;
    } catch (error) {
      this.options.logger.warn(
        `Could not record the ingested entities for the removal guard: ${
          (error as Error).message
        }`,
      );
    }
  }
}
