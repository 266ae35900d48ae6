import { EngineProblem } from '../problems';
import { describeId, idKey } from './resId';
import { Resource } from './Resource';

/**
 * Ordered resources with an id index, like kustomize's ResMap. Adding an
 * object whose id is already present is a problem (kustomize refuses the
 * build); the first one wins and the rest of the render goes on.
 */
export class ResMap {
  private list: Resource[] = [];
  private readonly byKey = new Map<string, Resource>();

  get resources(): readonly Resource[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** Appends `r`; returns a problem instead when its id is taken. */
  add(r: Resource): EngineProblem | undefined {
    const key = idKey(r.id);
    const existing = this.byKey.get(key);
    if (existing) {
      return {
        code: 'duplicate-id',
        severity: 'error',
        file: r.origin.file,
        line: r.origin.line,
        message: `${describeId(r.id)} is already defined at ${
          existing.origin.file
        }:${existing.origin.line}; this copy is ignored`,
      };
    }
    this.byKey.set(key, r);
    this.list.push(r);
    return undefined;
  }

  remove(r: Resource): void {
    this.list = this.list.filter(x => x !== r);
    this.byKey.delete(idKey(r.id));
  }

  /** Rebuilds the index after transformers renamed objects. */
  reindex(): void {
    this.byKey.clear();
    for (const r of this.list) this.byKey.set(idKey(r.id), r);
  }

  /** Moves every resource of `other` to the end of this map. */
  appendAll(other: ResMap, problems: EngineProblem[]): void {
    for (const r of other.list) {
      const p = this.add(r);
      if (p) problems.push(p);
    }
  }

  replaceAll(resources: Resource[]): void {
    this.list = resources;
    this.reindex();
  }
}
