import { KubeObject } from '../yaml';
import { isMap, JsonMap } from './json';
import { isClusterScoped, ResId, resIdOf } from './resId';

/** Generator merge behaviours. */
export type GeneratorBehavior = 'create' | 'merge' | 'replace';

/**
 * One object inside a render, with the bookkeeping kustomize keeps beside it:
 * the names and namespaces it had before transformers renamed it (so name
 * references can be fixed at the end) and whether it still needs a hash.
 */
export class Resource {
  object: KubeObject;
  readonly origin: { file: string; line: number };
  /** Every name this object had, oldest first (the current one excluded). */
  readonly previousNames: string[] = [];
  readonly previousNamespaces: string[] = [];
  /** Prefixes and suffixes applied, to break ties between same-named referrals. */
  affixes = '';
  needsHash = false;
  behavior: GeneratorBehavior | undefined;

  constructor(object: KubeObject, origin: { file: string; line: number }) {
    this.object = object;
    this.origin = origin;
  }

  get id(): ResId {
    return resIdOf(this.object);
  }

  get kind(): string {
    return typeof this.object.kind === 'string' ? this.object.kind : '';
  }

  get name(): string {
    return typeof this.object.metadata?.name === 'string'
      ? this.object.metadata.name
      : '';
  }

  get namespace(): string {
    const ns = this.object.metadata?.namespace;
    return typeof ns === 'string' && !isClusterScoped(this.kind) ? ns : '';
  }

  /** The first name this object had (what sources and patches call it). */
  get originalName(): string {
    return this.previousNames.length > 0 ? this.previousNames[0] : this.name;
  }

  /** Was it ever called `name` (now or before)? */
  hadName(name: string): boolean {
    return this.name === name || this.previousNames.includes(name);
  }

  hadNamespace(namespace: string): boolean {
    const same = (a: string, b: string) =>
      a === b ||
      ((a === '' || a === 'default') && (b === '' || b === 'default'));
    return (
      same(this.namespace, namespace) ||
      this.previousNamespaces.some(ns => same(ns, namespace))
    );
  }

  metadata(): JsonMap {
    if (!isMap(this.object.metadata)) this.object.metadata = {};
    return this.object.metadata as JsonMap;
  }

  setName(name: string): void {
    if (name === this.name) return;
    this.previousNames.push(this.name);
    this.metadata().name = name;
  }

  setNamespace(namespace: string): void {
    if (namespace === this.namespace) return;
    this.previousNamespaces.push(this.namespace);
    this.metadata().namespace = namespace;
  }
}
