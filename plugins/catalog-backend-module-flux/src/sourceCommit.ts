/**
 * The commit the provider read the monorepo at, recorded on every entity
 * (`flux-portal.io/source-commit`) so the status backend can say whether a
 * cluster applied it ("is my merge deployed"). A URL target's ETag is the
 * commit for the Git forges' readers (GitHub, GitLab, Gitea, Bitbucket); a
 * local folder's is its Git checkout's HEAD. Anything else records nothing.
 *
 * An entity keeps the commit its current content was first read at: a push
 * that changes one app rewrites that app's entity only. Writing every push's
 * commit on every entity would make the catalog process all of them again on
 * each push (minutes of work at 10,000 apps, and the changed app waits in
 * that queue).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_COMMIT,
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

function withCommit(entity: Entity, commit: string): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_SOURCE_COMMIT]: commit,
      },
    },
  };
}

interface Recorded {
  digest: string;
  commit: string;
}

/** Annotated entities, and what `EntityCommits.remember` keeps once they are applied. */
export interface CommittedEntities {
  entities: Entity[];
  recorded: Map<string, Recorded>;
}

/**
 * The commit each entity's current content was first read at, across a
 * provider's refreshes (in memory: after a restart the first refresh records
 * the commit it read on every entity).
 */
export class EntityCommits {
  private recorded = new Map<string, Recorded>();

  /** The entities with their commit: the previous one when unchanged, else `commit` (nothing without one). */
  annotate(entities: Entity[], commit: string | undefined): CommittedEntities {
    const recorded = new Map<string, Recorded>();
    if (!commit) return { entities, recorded };
    const annotated = entities.map(entity => {
      const ref = stringifyEntityRef(entity);
      const digest = createHash('sha1')
        .update(JSON.stringify(entity))
        .digest('base64');
      const previous = this.recorded.get(ref);
      const kept = previous?.digest === digest ? previous.commit : commit;
      recorded.set(ref, { digest, commit: kept });
      return withCommit(entity, kept);
    });
    return { entities: annotated, recorded };
  }

  /** Called once the catalog took the annotated entities. */
  remember(committed: CommittedEntities): void {
    this.recorded = committed.recorded;
  }
}
