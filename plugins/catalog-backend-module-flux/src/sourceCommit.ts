/**
 * The commit the provider read the monorepo at, recorded on every entity
 * (`flux-portal.io/source-commit`) with when it read it
 * (`flux-portal.io/source-commit-read-at`), so the status backend can say
 * whether a cluster applied it ("is my merge deployed"). A URL target's ETag
 * is the commit for the Git forges' readers (GitHub, GitLab, Gitea,
 * Bitbucket); a local folder's is its Git checkout's HEAD. Anything else
 * records nothing.
 *
 * An entity keeps the commit its current content was first read at, and the
 * time of that read: a push that changes one app rewrites that app's entity
 * only. Writing every push's commit on every entity would make the catalog
 * process all of them again on each push (minutes of work at 10,000 apps,
 * and the changed app waits in that queue). The read time lets the status
 * backend tell that a cluster at a newer commit, fetched after that read,
 * has the entity's content.
 *
 * The same digests tell which entities a refresh changed, the delta a
 * push-triggered refresh sends (FluxMonorepoEntityProvider).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_COMMIT,
  ANNOTATION_SOURCE_COMMIT_READ_AT,
  formatSourceCommitReadAt,
  parseSourceCommit,
} from '@flux-portal/plugin-flux-common';

/** The HEAD commit of the Git checkout holding a folder, or undefined. */
export function gitHeadOf(dir: string): Promise<string | undefined> {
  return new Promise(resolve => {
    execFile(
      'git',
      ['-C', dir, 'rev-parse', 'HEAD'],
      { timeout: 5000 },
      (error, stdout) =>
        resolve(error ? undefined : parseSourceCommit(String(stdout))),
    );
  });
}

/** A read's commit: an ETag that is a full commit id. */
export function commitOfEtag(etag: string | undefined): string | undefined {
  return parseSourceCommit(etag);
}

function withCommit(entity: Entity, recorded: Recorded): Entity {
  if (!recorded.commit) return entity;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_SOURCE_COMMIT]: recorded.commit,
        [ANNOTATION_SOURCE_COMMIT_READ_AT]: recorded.readAt!,
      },
    },
  };
}

function sameRecord(a: Recorded | undefined, b: Recorded): boolean {
  return (
    a !== undefined &&
    a.digest === b.digest &&
    a.commit === b.commit &&
    a.readAt === b.readAt
  );
}

interface Recorded {
  /** Of the entity without these annotations. */
  digest: string;
  /** None when the read had no commit. */
  commit?: string;
  /** ISO 8601 UTC. */
  readAt?: string;
}

/** Annotated entities, and what `EntityCommits.remember` keeps once they are applied. */
export interface CommittedEntities {
  entities: Entity[];
  /**
   * Those of `entities` that differ from what the last remembered refresh
   * gave the catalog (new, changed content or a changed annotation): what a
   * delta mutation has to send.
   */
  changed: Entity[];
  recorded: Map<string, Recorded>;
}

/**
 * The commit each entity's current content was first read at, and when,
 * across a provider's refreshes (in memory: after a restart the first
 * refresh records the commit it read, and its time, on every entity).
 */
export class EntityCommits {
  private recorded = new Map<string, Recorded>();

  /** @param now - the clock of the read times (tests inject one) */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * The entities with their commit and read time: the previous ones when
   * the entity is unchanged, else `commit` and now (nothing without a
   * commit). Called right after the read, so the time is at or after it.
   */
  annotate(entities: Entity[], commit: string | undefined): CommittedEntities {
    const recorded = new Map<string, Recorded>();
    const changed: Entity[] = [];
    const readAt = commit ? formatSourceCommitReadAt(this.now()) : undefined;
    const annotated = entities.map(entity => {
      const ref = stringifyEntityRef(entity);
      const digest = createHash('sha1')
        .update(JSON.stringify(entity))
        .digest('base64');
      const previous = this.recorded.get(ref);
      const kept: Recorded =
        commit && previous?.commit && previous.digest === digest
          ? previous
          : { digest, commit, readAt };
      recorded.set(ref, kept);
      const result = withCommit(entity, kept);
      if (!sameRecord(previous, kept)) changed.push(result);
      return result;
    });
    return { entities: annotated, changed, recorded };
  }

  /** Called once the catalog took the annotated entities. */
  remember(committed: CommittedEntities): void {
    this.recorded = committed.recorded;
  }
}
