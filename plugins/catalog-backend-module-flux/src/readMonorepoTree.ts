/**
 * Reads a monorepo target into the engine's FileTree: a URL through
 * Backstage's UrlReader (`readTree` with the last ETag, so an unchanged
 * repository costs one request), or a local folder confined to its root.
 */
import { isAbsolute, resolve } from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import {
  createLocalTree,
  createMemoryTree,
  FileTree,
} from '@flux-portal/kustomize';
import { commitOfEtag, gitHeadOf } from './sourceCommit';

export type MonorepoRead =
  | {
      status: 'read';
      tree: FileTree;
      etag?: string;
      /** The Git commit read, when known (see sourceCommit.ts). */
      commit?: string;
    }
  | { status: 'not-modified' };

export function isUrlTarget(target: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith('file://')
  );
}

export function localTargetPath(target: string): string {
  const path = target.replace(/^file:\/\//, '');
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

export async function readMonorepoTree(
  target: string,
  reader: UrlReaderService,
  etag?: string,
): Promise<MonorepoRead> {
  if (!isUrlTarget(target)) {
    const path = localTargetPath(target);
    return {
      status: 'read',
      tree: createLocalTree(path),
      commit: await gitHeadOf(path),
    };
  }
  try {
    const response = await reader.readTree(target, { etag });
    const files: Record<string, Buffer> = {};
    for (const file of await response.files()) {
      files[file.path.replace(/^\/+/, '')] = await file.content();
    }
    return {
      status: 'read',
      tree: createMemoryTree(files),
      etag: response.etag,
      commit: commitOfEtag(response.etag),
    };
  } catch (error) {
    if (
      error instanceof NotModifiedError ||
      (error as Error)?.name === 'NotModifiedError'
    ) {
      return { status: 'not-modified' };
    }
    throw error;
  }
}
