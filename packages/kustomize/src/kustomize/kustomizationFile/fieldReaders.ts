import { EngineProblem } from '../../problems';
import { isMap } from '../json';
import type { Replacement } from '../transformers/applyReplacements';
import type { Selector } from '../types';
import type {
  GeneratorArgs,
  GeneratorOptions,
  ImageEntry,
  Kustomization,
} from './types';

// Readers of single kustomization fields: each returns undefined for an
// entry it cannot read, and the caller reports it at the entry's line.

export const stringMap = (v: unknown): Record<string, string> | undefined => {
  if (!isMap(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v))
    out[k] = val === null ? '' : String(val);
  return out;
};
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined;
export const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter(x => typeof x === 'string') : [];

export function selectorOf(v: unknown): Selector | undefined {
  if (!isMap(v)) return undefined;
  const s: Selector = {};
  for (const key of [
    'group',
    'version',
    'kind',
    'name',
    'namespace',
    'labelSelector',
    'annotationSelector',
  ] as const) {
    const val = v[key];
    if (typeof val === 'string' && val !== '') s[key] = val;
  }
  return s;
}

export function optionsOf(v: unknown): GeneratorOptions | undefined {
  if (!isMap(v)) return undefined;
  return {
    labels: stringMap(v.labels),
    annotations: stringMap(v.annotations),
    disableNameSuffixHash: v.disableNameSuffixHash === true ? true : undefined,
    immutable: v.immutable === true ? true : undefined,
  };
}

export function imageOf(v: unknown): ImageEntry | undefined {
  if (!isMap(v) || typeof v.name !== 'string') return undefined;
  const opt = (x: unknown) =>
    x === undefined || x === null ? undefined : String(x);
  return {
    name: v.name,
    newName: opt(v.newName),
    newTag: opt(v.newTag),
    digest: opt(v.digest),
  };
}

export function generatorOf(
  v: unknown,
  kind: 'ConfigMap' | 'Secret',
): GeneratorArgs | undefined {
  if (!isMap(v)) return undefined;
  const behavior = str(v.behavior) ?? 'create';
  if (behavior !== 'create' && behavior !== 'merge' && behavior !== 'replace')
    return undefined;
  const name = str(v.name);
  if (!name) return undefined;
  return {
    kind,
    name,
    namespace: str(v.namespace),
    behavior,
    literals: strList(v.literals),
    files: strList(v.files),
    envs: [...strList(v.envs), ...(typeof v.env === 'string' ? [v.env] : [])],
    type: str(v.type),
    options: optionsOf(v.options),
  };
}

export function replacementOf(
  v: unknown,
): Replacement | { path: string } | undefined {
  if (!isMap(v)) return undefined;
  if (typeof v.path === 'string') return { path: v.path };
  if (!isMap(v.source) || !Array.isArray(v.targets)) return undefined;
  const sel = (x: unknown) => selectorOf(x) ?? {};
  const targets: Replacement['targets'] = [];
  for (const t of v.targets) {
    if (!isMap(t) || !Array.isArray(t.fieldPaths)) return undefined;
    targets.push({
      select: sel(t.select),
      reject: Array.isArray(t.reject) ? t.reject.map(sel) : undefined,
      fieldPaths: strList(t.fieldPaths),
      options: isMap(t.options)
        ? {
            delimiter: str(t.options.delimiter),
            index:
              typeof t.options.index === 'number' ? t.options.index : undefined,
            create: t.options.create === true,
          }
        : undefined,
    });
  }
  const src = v.source;
  return {
    source: {
      ...sel(src),
      fieldPath: str(src.fieldPath),
      options: isMap(src.options)
        ? {
            delimiter: str(src.options.delimiter),
            index:
              typeof src.options.index === 'number'
                ? src.options.index
                : undefined,
          }
        : undefined,
    },
    targets,
  };
}

export function sortOptionsOf(
  v: unknown,
  line: () => number,
  file: string,
  problems: EngineProblem[],
): Kustomization['sortOptions'] {
  if (!isMap(v)) return undefined;
  const legacy = isMap(v.legacySortOptions) ? v.legacySortOptions : undefined;
  if (v.order === 'fifo') {
    if (legacy) {
      problems.push({
        code: 'kustomization-invalid',
        severity: 'error',
        file,
        line: line(),
        message: "sortOptions.legacySortOptions is set but the order is 'fifo'",
      });
    }
    return { order: 'fifo' };
  }
  return {
    order: 'legacy',
    orderFirst: legacy ? strList(legacy.orderFirst) : undefined,
    orderLast: legacy ? strList(legacy.orderLast) : undefined,
  };
}
