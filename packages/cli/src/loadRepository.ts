/**
 * Loads the model from the root where the Kustomizations' paths resolve:
 * the git top level first, a nested monorepo folder only when the paths
 * resolve there and not from the top.
 */
import * as nodePath from 'node:path';
import { loadMonorepo, type MonorepoModel } from '@flux-portal/flux-engine';
import {
  candidateRoots,
  openRepository,
  type OpenedRepository,
  type RepositoryArgs,
} from './openRepository';

export interface LoadedRepository {
  repo: OpenedRepository;
  model: MonorepoModel;
}

const unresolvedPaths = (model: MonorepoModel) =>
  model.kustomizations.filter(k => k.status === 'path-not-found').length;

export async function loadRepository(
  args: RepositoryArgs,
): Promise<LoadedRepository> {
  const absPath = nodePath.resolve(args.cwd, args.path ?? '.');
  const roots = candidateRoots(
    absPath,
    args.root && nodePath.resolve(args.cwd, args.root),
  );
  let best: (LoadedRepository & { missing: number }) | undefined;
  for (const root of roots) {
    const repo = openRepository({ ...args, root });
    const model = await loadMonorepo(repo.tree, {
      path: repo.path,
      sources: repo.sources,
    });
    const missing = unresolvedPaths(model);
    if (missing === 0) return { repo, model };
    if (!best || missing < best.missing) best = { repo, model, missing };
  }
  return best!;
}
