/**
 * The commit the provider read the monorepo at, recorded on every entity
 * (`flux-portal.io/source-commit`) so the status backend can say whether a
 * cluster applied it ("is my merge deployed"). A URL target's ETag is the
 * commit for the Git forges' readers (GitHub, GitLab, Gitea, Bitbucket); a
 * local folder's is its Git checkout's HEAD. Anything else records nothing.
 */
import { execFile } from 'node:child_process';
import type { Entity } from '@backstage/catalog-model';
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

/** The entities with the commit they were read at (unchanged without one). */
export function withSourceCommit(
  entities: Entity[],
  commit: string | undefined,
): Entity[] {
  if (!commit) return entities;
  return entities.map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_SOURCE_COMMIT]: commit,
      },
    },
  }));
}
