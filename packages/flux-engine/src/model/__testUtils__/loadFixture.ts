import * as nodePath from 'node:path';
import { createLocalTree } from '@flux-portal/kustomize';
import type { SourceMapping } from '../../flux/sources';
import { loadMonorepo } from '../loadMonorepo';
import type { MonorepoModel } from '../types';

// test helper only: never part of a build, so the source layout is stable
// eslint-disable-next-line no-restricted-syntax
export const FIXTURES = nodePath.resolve(__dirname, '../../../fixtures');

/** Loads fixtures/<name> from `path`, mapping extra sources to other fixtures. */
export function loadFixture(
  name: string,
  path: string,
  sources: Record<string, string> = {},
): Promise<MonorepoModel> {
  const mappings: SourceMapping[] = Object.entries(sources).map(
    ([source, fixture]) => ({
      name: source,
      tree: createLocalTree(nodePath.join(FIXTURES, fixture)),
      dir: '',
    }),
  );
  return loadMonorepo(createLocalTree(nodePath.join(FIXTURES, name)), {
    path,
    sources: mappings,
  });
}

export function byName<T extends { name: string; cluster?: string }>(
  items: T[],
  name: string,
  cluster?: string,
): T {
  const found = items.filter(
    i => i.name === name && (!cluster || i.cluster === cluster),
  );
  if (found.length !== 1) {
    throw new Error(`expected one '${name}', found ${found.length}`);
  }
  return found[0];
}
