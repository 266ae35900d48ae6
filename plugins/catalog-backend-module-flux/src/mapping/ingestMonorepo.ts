/**
 * One ingestion: load the monorepo with the engine, read its CODEOWNERS, and
 * map it to entities. The catalog module's provider and location processor
 * and the `flux-portal entities` command all call this, so the CLI prints
 * exactly what the catalog ingests.
 */
import type { EngineProblem } from '@flux-portal/kustomize';
import type { FileTree, ParseCache } from '@flux-portal/kustomize';
import type { SourceMapping } from '@flux-portal/flux-engine';
import { loadMonorepo } from '@flux-portal/flux-engine';
import { monorepoToEntities } from './monorepoToEntities';
import type { MappingRules } from './rules/mappingRules';
import type { CatalogEntity, LocationAnnotator } from './types';

/** Where GitHub, GitLab and Bitbucket look for CODEOWNERS, in their order. */
const CODEOWNERS_PATHS = [
  'CODEOWNERS',
  '.github/CODEOWNERS',
  '.gitlab/CODEOWNERS',
  'docs/CODEOWNERS',
];

/** @public */
export interface IngestOptions {
  /** Entry folder inside the tree (default the root). */
  path?: string;
  /** Local folders standing for Flux sources (the CLI's `--source`). */
  sources?: SourceMapping[];
  clusters?: string[];
  defaultOwner?: string;
  locationAnnotations?: LocationAnnotator;
  /** the provider's mapping rules (`mapping`) */
  rules?: MappingRules;
  /** the cluster name when nothing else gives one (EntityMappingOptions) */
  clusterFallbackName?: string;
  /** parses kept between ingestions of the same repository (the provider keeps one) */
  parseCache?: ParseCache;
}

/** @public */
export interface Ingestion {
  entities: CatalogEntity[];
  problems: EngineProblem[];
}

async function readCodeowners(tree: FileTree): Promise<string | undefined> {
  for (const path of CODEOWNERS_PATHS) {
    if ((await tree.stat(path)) === 'file')
      return (await tree.readFile(path)).toString('utf8');
  }
  return undefined;
}

/** @public */
export async function ingestMonorepo(
  tree: FileTree,
  options: IngestOptions = {},
): Promise<Ingestion> {
  const model = await loadMonorepo(tree, {
    path: options.path,
    sources: options.sources,
    parseCache: options.parseCache,
  });
  const mapped = monorepoToEntities(model, {
    clusters: options.clusters,
    defaultOwner: options.defaultOwner,
    codeowners: await readCodeowners(tree),
    locationAnnotations: options.locationAnnotations,
    rules: options.rules,
    clusterFallbackName: options.clusterFallbackName,
  });
  return {
    entities: mapped.entities,
    problems: [...model.problems, ...mapped.problems],
  };
}
