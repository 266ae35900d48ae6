/**
 * One ingestion: load the monorepo with the engine, read its CODEOWNERS, and
 * map it to entities. Shared by the entity provider and the location processor.
 */
import {
  CatalogEntity,
  EngineProblem,
  FileTree,
  LocationAnnotator,
  loadMonorepo,
  monorepoToEntities,
} from '@flux-portal/plugin-flux-node';

const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', '.gitlab/CODEOWNERS', 'docs/CODEOWNERS'];

export interface IngestOptions {
  path?: string;
  clusters?: string[];
  defaultOwner?: string;
  locationAnnotations?: LocationAnnotator;
}

export interface Ingestion {
  entities: CatalogEntity[];
  problems: EngineProblem[];
}

async function readCodeowners(tree: FileTree): Promise<string | undefined> {
  for (const path of CODEOWNERS_PATHS) {
    if ((await tree.stat(path)) === 'file') return (await tree.readFile(path)).toString('utf8');
  }
  return undefined;
}

export async function ingestMonorepo(tree: FileTree, options: IngestOptions): Promise<Ingestion> {
  const model = await loadMonorepo(tree, { path: options.path });
  const mapped = monorepoToEntities(model, {
    clusters: options.clusters,
    defaultOwner: options.defaultOwner,
    codeowners: await readCodeowners(tree),
    locationAnnotations: options.locationAnnotations,
  });
  return { entities: mapped.entities, problems: [...model.problems, ...mapped.problems] };
}
