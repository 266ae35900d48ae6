import { isMap as isYamlMap, LineCounter, parseDocument } from 'yaml';
import { EngineProblem } from '../problems';
import { decodeUtf8 } from '../yaml/decodeUtf8';
import { MAX_ALIAS_COUNT } from '../yaml';
import { conversionProblem, syntaxProblem } from '../yaml/yamlProblems';
import { isMap, JsonMap } from './json';
import { Selector } from './types';
import { Replacement } from './transformers/applyReplacements';

/** File names kustomize recognises, in its lookup order. */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** A list entry of the kustomization with the line it sits on. */
export interface Located<T> {
  value: T;
  line: number;
}

export interface PatchEntry {
  patch?: string;
  path?: string;
  target?: Selector;
  /** 'json6902' for legacy patchesJson6902 entries (always JSON patches). */
  legacy?: 'smp' | 'json6902';
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

export interface LabelEntry {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
}

export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace?: string;
  behavior: 'create' | 'merge' | 'replace';
  literals: string[];
  files: string[];
  envs: string[];
  type?: string;
  options?: GeneratorOptions;
}

/** A kustomization (or component) file, normalised: legacy fields folded in. */
export interface Kustomization {
  file: string;
  dir: string;
  isComponent: boolean;
  resources: Located<string>[];
  components: Located<string>[];
  patches: Located<PatchEntry>[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  labels: LabelEntry[];
  commonAnnotations?: Record<string, string>;
  images: Located<ImageEntry>[];
  replicas: Located<{ name: string; count: number }>[];
  generators: Located<GeneratorArgs>[];
  generatorOptions?: GeneratorOptions;
  /** Output order; only the top kustomization's counts, as in kustomize. */
  sortOptions?: {
    order: 'legacy' | 'fifo';
    orderFirst?: string[];
    orderLast?: string[];
  };
  /** Inline replacements, or `path` entries to read next to the file. */
  replacements: Located<Replacement | { path: string }>[];
}

const UNSUPPORTED = [
  'vars',
  'helmCharts',
  'helmGlobals',
  'generators',
  'transformers',
  'validators',
  'crds',
  'configurations',
  'openapi',
  'buildMetadata',
];

const stringMap = (v: unknown): Record<string, string> | undefined => {
  if (!isMap(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v))
    out[k] = val === null ? '' : String(val);
  return out;
};
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined;
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter(x => typeof x === 'string') : [];

function selectorOf(v: unknown): Selector | undefined {
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

function optionsOf(v: unknown): GeneratorOptions | undefined {
  if (!isMap(v)) return undefined;
  return {
    labels: stringMap(v.labels),
    annotations: stringMap(v.annotations),
    disableNameSuffixHash: v.disableNameSuffixHash === true ? true : undefined,
    immutable: v.immutable === true ? true : undefined,
  };
}

/**
 * Parses a kustomization file. Returns undefined (with problems) when the file
 * is not a YAML mapping; unknown or unsupported fields become warnings.
 */
export function parseKustomizationFile(
  bytes: Buffer,
  file: string,
  dir: string,
  problems: EngineProblem[],
): Kustomization | undefined {
  const decoded = decodeUtf8(bytes, file);
  if ('problem' in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  const lineCounter = new LineCounter();
  // YAML 1.1 like kustomize's reader (sigs.k8s.io/yaml): yes/no/on/off are booleans.
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(decoded.text, {
      lineCounter,
      uniqueKeys: true,
      version: '1.1',
    });
  } catch (e) {
    // The parser recurses per nesting level; absurd nesting overflows it.
    problems.push({
      code: 'yaml-too-deep',
      severity: 'error',
      file,
      line: 1,
      message: `kustomization could not be parsed: ${(e as Error).message}`,
    });
    return undefined;
  }
  if (doc.errors.length > 0) {
    problems.push(
      syntaxProblem(doc.errors[0], lineCounter, file, 'kustomization YAML'),
    );
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    problems.push(conversionProblem(e, file, 1));
    return undefined;
  }
  if (data === null || data === undefined) data = {};
  if (!isMap(data)) {
    problems.push({
      code: 'kustomization-invalid',
      severity: 'error',
      file,
      line: 1,
      message: 'kustomization is not a mapping',
    });
    return undefined;
  }

  const lineOf = (...path: Array<string | number>): number => {
    const node = doc.getIn(path, true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
    if (path.length > 1) return lineOf(...path.slice(0, -1));
    const top = doc.contents;
    if (isYamlMap(top)) {
      const pair = top.items.find(
        p => (p.key as { value?: unknown })?.value === path[0],
      );
      const range = (pair?.key as { range?: [number, number, number] })?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return 1;
  };
  const located = <T>(
    field: string,
    items: unknown,
    map: (v: unknown, i: number) => T | undefined,
  ): Located<T>[] => {
    const out: Located<T>[] = [];
    if (!Array.isArray(items)) {
      if (items !== undefined && items !== null) {
        problems.push({
          code: 'kustomization-invalid',
          severity: 'error',
          file,
          line: lineOf(field),
          message: `'${field}' must be a list`,
        });
      }
      return out;
    }
    items.forEach((item, i) => {
      const value = map(item, i);
      if (value !== undefined) out.push({ value, line: lineOf(field, i) });
      else
        problems.push({
          code: 'kustomization-invalid',
          severity: 'error',
          file,
          line: lineOf(field, i),
          message: `unreadable entry ${i} of '${field}'`,
        });
    });
    return out;
  };

  const d = data as JsonMap;
  for (const key of UNSUPPORTED) {
    if (d[key] !== undefined) {
      problems.push({
        code: 'unsupported-field',
        severity: 'warning',
        file,
        line: lineOf(key),
        message: `kustomization field '${key}' is not supported by the in-process renderer and was ignored`,
      });
    }
  }
  checkStringFields(d, lineOf, file, problems);
  const kind = str(d.kind);
  const k: Kustomization = {
    file,
    dir,
    isComponent: kind === 'Component',
    resources: [
      ...located('resources', d.resources, v => str(v)),
      ...located('bases', d.bases, v => str(v)),
    ],
    components: located('components', d.components, v => str(v)),
    patches: [],
    namespace: str(d.namespace) || undefined,
    namePrefix: str(d.namePrefix) || undefined,
    nameSuffix: str(d.nameSuffix) || undefined,
    labels: [],
    commonAnnotations: stringMap(d.commonAnnotations),
    images: [
      ...located('images', d.images, imageOf),
      ...located('imageTags', d.imageTags, imageOf),
    ],
    replicas: located('replicas', d.replicas, v =>
      isMap(v) &&
      typeof v.name === 'string' &&
      v.count !== undefined &&
      !Number.isNaN(Number(v.count))
        ? { name: v.name, count: Number(v.count) }
        : undefined,
    ),
    generators: [
      ...located('configMapGenerator', d.configMapGenerator, v =>
        generatorOf(v, 'ConfigMap'),
      ),
      ...located('secretGenerator', d.secretGenerator, v =>
        generatorOf(v, 'Secret'),
      ),
    ],
    generatorOptions: optionsOf(d.generatorOptions),
    replacements: located('replacements', d.replacements, replacementOf),
    sortOptions: sortOptionsOf(
      d.sortOptions,
      () => lineOf('sortOptions'),
      file,
      problems,
    ),
  };

  // Transformer order inside kustomize: patchesStrategicMerge, then patches;
  // patchesJson6902 runs later (after labels), so it is kept apart.
  k.patches.push(
    ...located<PatchEntry>(
      'patchesStrategicMerge',
      d.patchesStrategicMerge,
      v => {
        const s = str(v);
        if (s === undefined) return undefined;
        // kustomize tells inline patches from file names by their shape.
        return s.includes('\n') || /^\s*(apiVersion|kind)\s*:/.test(s)
          ? { patch: s, legacy: 'smp' }
          : { path: s, legacy: 'smp' };
      },
    ),
    ...located<PatchEntry>('patches', d.patches, v => {
      if (!isMap(v)) return undefined;
      const entry: PatchEntry = {
        patch: str(v.patch),
        path: str(v.path),
        target: selectorOf(v.target),
      };
      if (isMap(v.options))
        entry.options = {
          allowNameChange: v.options.allowNameChange === true,
          allowKindChange: v.options.allowKindChange === true,
        };
      return entry.patch !== undefined || entry.path !== undefined
        ? entry
        : undefined;
    }),
    ...located<PatchEntry>('patchesJson6902', d.patchesJson6902, v => {
      if (!isMap(v)) return undefined;
      const entry: PatchEntry = {
        patch: str(v.patch),
        path: str(v.path),
        target: selectorOf(v.target),
        legacy: 'json6902',
      };
      return entry.patch !== undefined || entry.path !== undefined
        ? entry
        : undefined;
    }),
  );

  const common = stringMap(d.commonLabels);
  if (common && Object.keys(common).length > 0)
    k.labels.push({
      pairs: common,
      includeSelectors: true,
      includeTemplates: true,
    });
  if (Array.isArray(d.labels)) {
    d.labels.forEach((l, i) => {
      if (!isMap(l)) return;
      if (l.fields !== undefined) {
        problems.push({
          code: 'unsupported-field',
          severity: 'warning',
          file,
          line: lineOf('labels', i, 'fields'),
          message:
            'labels[].fields (custom field specs) is not supported; the labels go to the default places',
        });
      }
      const pairs = stringMap(l.pairs) ?? {};
      k.labels.push({
        pairs,
        includeSelectors: l.includeSelectors === true,
        includeTemplates: l.includeTemplates === true,
      });
    });
  }
  return k;
}

function imageOf(v: unknown): ImageEntry | undefined {
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

function generatorOf(
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

/**
 * kustomize reads the file into typed Go structs through JSON, so a number
 * or boolean where a string belongs (`newTag: 1.10`, a label `on: yes`)
 * makes it refuse the whole kustomization. Report those at their line;
 * the renderer goes on with the values as text.
 */
function checkStringFields(
  d: JsonMap,
  lineOf: (...path: Array<string | number>) => number,
  file: string,
  problems: EngineProblem[],
): void {
  const complain = (path: Array<string | number>, value: unknown) =>
    problems.push({
      code: 'kustomization-invalid',
      severity: 'error',
      file,
      line: lineOf(...path),
      message: `'${path.join('.')}' must be a string, not ${JSON.stringify(
        value,
      )} (quote it)`,
    });
  const map = (path: Array<string | number>, v: unknown) => {
    if (!isMap(v)) return;
    for (const [key, value] of Object.entries(v)) {
      if (typeof value !== 'string') complain([...path, key], value);
    }
  };
  const scalar = (path: Array<string | number>, v: unknown) => {
    if (v !== undefined && v !== null && typeof v !== 'string')
      complain(path, v);
  };
  map(['commonLabels'], d.commonLabels);
  map(['commonAnnotations'], d.commonAnnotations);
  for (const key of ['namespace', 'namePrefix', 'nameSuffix'])
    scalar([key], d[key]);
  if (isMap(d.generatorOptions)) {
    map(['generatorOptions', 'labels'], d.generatorOptions.labels);
    map(['generatorOptions', 'annotations'], d.generatorOptions.annotations);
  }
  const each = (field: string, check: (item: JsonMap, i: number) => void) => {
    const list = d[field];
    if (Array.isArray(list))
      list.forEach((item, i) => isMap(item) && check(item, i));
  };
  each('labels', (l, i) => map(['labels', i, 'pairs'], l.pairs));
  for (const field of ['images', 'imageTags']) {
    each(field, (img, i) => {
      for (const key of ['name', 'newName', 'newTag', 'digest'])
        scalar([field, i, key], img[key]);
    });
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    each(field, (g, i) => {
      if (!isMap(g.options)) return;
      map([field, i, 'options', 'labels'], g.options.labels);
      map([field, i, 'options', 'annotations'], g.options.annotations);
    });
  }
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

function sortOptionsOf(
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
