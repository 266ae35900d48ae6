import { EngineProblem } from '../problems';
import { FileTree, TreeEntryType, TreeError } from '../tree';
import { parseManifests, ParseResult } from '../yaml';
import {
  Kustomization,
  KUSTOMIZATION_FILE_NAMES,
  parseKustomizationFile,
} from './kustomizationFile';
import type { ParseCache } from './ParseCache';

/** A file's parse result, or why it could not be read. @public */
export type CachedFile =
  | { ok: true; result: ParseResult }
  | { ok: false; error: TreeError };

/** A directory's kustomization file, parsed ('none' when the dir has none). @public */
export type CachedKustomization =
  | {
      found: true;
      kustomization: Kustomization | undefined;
      problems: EngineProblem[];
    }
  | { found: false; error?: TreeError };

/**
 * Parsed-file cache keyed by tree path. One load renders many overlapping
 * kustomizations (a cluster's tree includes every app); each file is read and
 * parsed once. Cached objects are shared, so the renderer copies each object
 * once when it enters a render and never mutates cached data. With a
 * ParseCache, parses also outlive the load (see ParseCache).
 * @public
 */
export class ManifestCache {
  constructor(private readonly options: { parseCache?: ParseCache } = {}) {}

  private readonly files = new WeakMap<
    FileTree,
    Map<string, Promise<CachedFile>>
  >();
  private readonly kustomizations = new WeakMap<
    FileTree,
    Map<string, Promise<CachedKustomization>>
  >();
  private readonly stats = new WeakMap<
    FileTree,
    Map<string, Promise<TreeEntryType | undefined>>
  >();

  /** A patch's parse: kept across loads by the ParseCache, else parsed for each use. */
  parsePatch<T>(key: string, text: string, parse: () => T): T {
    return this.options.parseCache
      ? this.options.parseCache.parsePatch(key, text, parse)
      : parse();
  }

  /** The entry type of `path`, looked up once per cache (one load). */
  stat(tree: FileTree, path: string): Promise<TreeEntryType | undefined> {
    return memo(this.stats, tree, path, () => tree.stat(path));
  }

  /** Reads and parses manifest file `path` of `tree` once; later calls share the result. */
  load(tree: FileTree, path: string): Promise<CachedFile> {
    return memo(this.files, tree, path, () =>
      readManifests(tree, path, this.options.parseCache),
    );
  }

  /** Finds and parses the kustomization file of directory `dir` once. */
  loadKustomization(tree: FileTree, dir: string): Promise<CachedKustomization> {
    return memo(this.kustomizations, tree, dir, () =>
      readKustomization(tree, dir, this.options.parseCache),
    );
  }
}

function memo<T>(
  store: WeakMap<FileTree, Map<string, Promise<T>>>,
  tree: FileTree,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let byPath = store.get(tree);
  if (!byPath) {
    byPath = new Map();
    store.set(tree, byPath);
  }
  let entry = byPath.get(key);
  if (!entry) {
    entry = make();
    byPath.set(key, entry);
  }
  return entry;
}

function asTreeError(e: unknown, path: string): TreeError {
  if (e instanceof TreeError) return e;
  return new TreeError(
    'not-found',
    path,
    `cannot read '${path}': ${(e as Error).message}`,
  );
}

async function readManifests(
  tree: FileTree,
  path: string,
  parseCache?: ParseCache,
): Promise<CachedFile> {
  try {
    const bytes = await tree.readFile(path);
    const result = parseCache
      ? parseCache.parseManifests(bytes, path)
      : parseManifests(bytes, path);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: asTreeError(e, path) };
  }
}

async function readKustomization(
  tree: FileTree,
  dir: string,
  parseCache?: ParseCache,
): Promise<CachedKustomization> {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = dir === '' ? name : `${dir}/${name}`;
    let bytes: Buffer;
    try {
      // Reading directly (instead of stat, then read) saves a system call
      // per directory; absence is the common case for the later names.
      bytes = await tree.readFile(file);
    } catch (e) {
      if (
        e instanceof TreeError &&
        (e.code === 'not-found' || e.code === 'not-a-file')
      )
        continue;
      return { found: false, error: asTreeError(e, file) };
    }
    if (parseCache)
      return {
        found: true,
        ...parseCache.parseKustomization(bytes, file, dir),
      };
    const problems: EngineProblem[] = [];
    const kustomization = parseKustomizationFile(bytes, file, dir, problems);
    return { found: true, kustomization, problems };
  }
  return { found: false };
}
