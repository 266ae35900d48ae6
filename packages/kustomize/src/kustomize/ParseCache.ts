import { EngineProblem } from '../problems';
import { parseManifests, ParseResult } from '../yaml';
import { Kustomization, parseKustomizationFile } from './kustomizationFile';

/** A kustomization file's parse, as the renderer keeps it. @public */
export interface ParsedKustomization {
  kustomization: Kustomization | undefined;
  problems: EngineProblem[];
}

interface Entry<T> {
  /** the content parsed: compared byte for byte, cheaper than hashing every file of every load */
  content: Buffer | string;
  value: T;
  /** the load that last used this entry */
  load: number;
}

/**
 * Parse results kept across loads of trees that change little between loads
 * (a repository re-read after a push): a file whose path and content are the
 * same as in an earlier load is not parsed again. YAML parsing is most of a
 * load's time, so a re-read of a large repository where one app changed
 * costs a fraction of the first.
 *
 * Results are shared and never mutated (the renderer copies each object when
 * it enters a render). `beginLoad()`/`endLoad()` bracket a load; entries no
 * load used since the previous `endLoad()` are dropped then, so the cache
 * holds one tree's parses, never a history.
 * @public
 */
export class ParseCache {
  private readonly manifests = new Map<string, Entry<ParseResult>>();
  private readonly kustomizations = new Map<
    string,
    Entry<ParsedKustomization>
  >();
  private readonly patches = new Map<string, Entry<unknown>>();
  private load = 0;
  private hits = 0;
  private misses = 0;

  /** Starts a load; counters restart. */
  beginLoad(): void {
    this.load++;
    this.hits = 0;
    this.misses = 0;
  }

  /** Ends a load: drops what it did not use. */
  endLoad(): void {
    for (const store of [
      this.manifests,
      this.kustomizations,
      this.patches,
    ] as Map<string, Entry<unknown>>[]) {
      for (const [path, entry] of store)
        if (entry.load !== this.load) store.delete(path);
    }
  }

  /** Files parsed again (`misses`) and reused (`hits`) since `beginLoad()`. */
  stats(): { hits: number; misses: number; entries: number } {
    return {
      hits: this.hits,
      misses: this.misses,
      entries:
        this.manifests.size + this.kustomizations.size + this.patches.size,
    };
  }

  /** `parseManifests(bytes, path)`, reused when `path` had these bytes before. */
  parseManifests(bytes: Buffer, path: string): ParseResult {
    return this.lookup(this.manifests, bytes, path, () =>
      parseManifests(bytes, path),
    );
  }

  /** `parseKustomizationFile` of `file` in `dir`, reused when `file` had these bytes before. */
  parseKustomization(
    bytes: Buffer,
    file: string,
    dir: string,
  ): ParsedKustomization {
    return this.lookup(this.kustomizations, bytes, file, () => {
      const problems: EngineProblem[] = [];
      const kustomization = parseKustomizationFile(bytes, file, dir, problems);
      return { kustomization, problems };
    });
  }

  /** A patch's parse (`key`: its file, line and kind), reused when its text is unchanged. */
  parsePatch<T>(key: string, text: string, parse: () => T): T {
    return this.lookup(this.patches, text, key, parse) as T;
  }

  private lookup<T>(
    store: Map<string, Entry<T>>,
    bytes: Buffer | string,
    path: string,
    parse: () => T,
  ): T {
    const entry = store.get(path);
    if (entry && sameContent(entry.content, bytes)) {
      entry.load = this.load;
      // the latest load's bytes: an entry never keeps an older tree's buffer alive
      entry.content = bytes;
      this.hits++;
      return entry.value;
    }
    this.misses++;
    const value = parse();
    store.set(path, { content: bytes, value, load: this.load });
    return value;
  }
}

function sameContent(a: Buffer | string, b: Buffer | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.equals(b);
}
