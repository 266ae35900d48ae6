import { mockServices } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { archiveOf } from './giteaServer';

/**
 * A UrlReader whose readTree serves `folder` (files, or the archive) with ETag `etag`, and answers
 * NotModified when called with that ETag; records the ETag of every call.
 */
export function folderUrlReader(folder: string, etag = 'etag-1') {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(f => f.isFile())
    .map(f => join(f.parentPath, f.name));
  const calls: Array<string | undefined> = [];
  const urlReader = mockServices.urlReader.mock({
    async readTree(_url, options) {
      calls.push(options?.etag);
      if (options?.etag === etag) throw new NotModifiedError('unchanged');
      return {
        etag,
        files: async () =>
          files.map(abs => ({
            path: relative(folder, abs),
            content: async () => readFileSync(abs),
          })),
        // as a forge serves it: tar.gz with one top folder
        archive: async () => Readable.from(archiveOf(folder)),
        dir: async () => {
          throw new Error('not used');
        },
      };
    },
  });
  return { urlReader, calls };
}
