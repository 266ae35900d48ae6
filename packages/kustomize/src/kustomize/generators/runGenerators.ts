import * as nodePath from 'path';
import { EngineProblem } from '../../problems';
import { FileTree, resolveTreePath } from '../../tree';
import { KubeObject } from '../../yaml';
import { isMap, JsonMap } from '../json';
import {
  GeneratorArgs,
  GeneratorOptions,
  Kustomization,
  Located,
} from '../kustomizationFile';
import { ResMap } from '../ResMap';
import { Resource } from '../Resource';
import { parseEnvFile, parseLiteral } from './envFile';
import { treeProblem } from '../treeProblem';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a generator source file; undefined after recording a problem. */
async function readSource(
  tree: FileTree,
  k: Kustomization,
  rel: string,
  line: number,
  problems: EngineProblem[],
): Promise<Buffer | undefined> {
  try {
    return await tree.readFile(resolveTreePath(k.dir, rel));
  } catch (e) {
    problems.push(treeProblem(e, k.file, line, `generator source '${rel}'`));
    return undefined;
  }
}

/** Collects key/value data of one generator; binary file content stays bytes. */
async function collectData(
  tree: FileTree,
  k: Kustomization,
  args: GeneratorArgs,
  line: number,
  problems: EngineProblem[],
): Promise<Map<string, string | Buffer>> {
  const data = new Map<string, string | Buffer>();
  // kustomize refuses a key given twice (across envs, literals and files).
  const put = (key: string, value: string | Buffer) => {
    if (data.has(key)) {
      problems.push({
        code: 'generator-invalid',
        severity: 'error',
        file: k.file,
        line,
        message: `${args.kind} generator '${args.name}': key '${key}' is given more than once; the first value is kept`,
      });
      return;
    }
    data.set(key, value);
  };
  for (const env of args.envs) {
    const bytes = await readSource(tree, k, env, line, problems);
    if (!bytes) continue;
    const { pairs, badLines } = parseEnvFile(bytes.toString('utf8'));
    for (const bad of badLines) {
      problems.push({
        code: 'generator-invalid',
        severity: 'error',
        file: resolveTreePath(k.dir, env),
        line: bad,
        message: 'env file line is not KEY=VALUE with a valid key',
      });
    }
    for (const [key, value] of pairs) put(key, value);
  }
  for (const literal of args.literals) {
    const kv = parseLiteral(literal);
    if (!kv) {
      problems.push({
        code: 'generator-invalid',
        severity: 'error',
        file: k.file,
        line,
        message: `literal '${literal.split('=')[0]}' is not key=value`,
      });
      continue;
    }
    put(kv[0], kv[1]);
  }
  for (const entry of args.files) {
    const eq = entry.indexOf('=');
    const key = eq > 0 ? entry.slice(0, eq) : nodePath.posix.basename(entry);
    const rel = eq > 0 ? entry.slice(eq + 1) : entry;
    const bytes = await readSource(tree, k, rel, line, problems);
    if (!bytes) continue;
    try {
      put(key, utf8.decode(bytes));
    } catch {
      put(key, bytes);
    }
  }
  return data;
}

function mergedOptions(
  global: GeneratorOptions | undefined,
  local: GeneratorOptions | undefined,
): GeneratorOptions {
  return {
    labels: { ...global?.labels, ...local?.labels },
    annotations: { ...global?.annotations, ...local?.annotations },
    disableNameSuffixHash:
      local?.disableNameSuffixHash ?? global?.disableNameSuffixHash,
    immutable: local?.immutable ?? global?.immutable,
  };
}

/** Builds the ConfigMap/Secret object a generator describes. */
export function buildGenerated(
  args: GeneratorArgs,
  data: Map<string, string | Buffer>,
  options: GeneratorOptions,
): KubeObject {
  const metadata: JsonMap = { name: args.name };
  if (args.namespace) metadata.namespace = args.namespace;
  if (options.labels && Object.keys(options.labels).length > 0)
    metadata.labels = { ...options.labels };
  if (options.annotations && Object.keys(options.annotations).length > 0)
    metadata.annotations = { ...options.annotations };
  const obj: KubeObject = { apiVersion: 'v1', kind: args.kind, metadata };
  const sorted = [...data.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (args.kind === 'Secret') {
    obj.type = args.type ?? 'Opaque';
    const d: Record<string, string> = {};
    for (const [key, v] of sorted)
      d[key] = (typeof v === 'string' ? Buffer.from(v, 'utf8') : v).toString(
        'base64',
      );
    if (sorted.length > 0) obj.data = d;
  } else {
    const d: Record<string, string> = {};
    const b: Record<string, string> = {};
    for (const [key, v] of sorted) {
      if (typeof v === 'string') d[key] = v;
      else b[key] = v.toString('base64');
    }
    if (Object.keys(d).length > 0) obj.data = d;
    if (Object.keys(b).length > 0) obj.binaryData = b;
  }
  if (options.immutable) obj.immutable = true;
  return obj;
}

/** Finds the object a merge/replace generator refers to (by its first name). */
function findExisting(
  resMap: ResMap,
  args: GeneratorArgs,
): Resource | undefined {
  return resMap.resources.find(
    r =>
      r.kind === args.kind &&
      r.originalName === args.name &&
      r.hadNamespace(args.namespace ?? ''),
  );
}

function mergeInto(
  existing: Resource,
  generated: KubeObject,
  behavior: 'merge' | 'replace',
): void {
  const target = existing.object;
  for (const field of ['data', 'binaryData'] as const) {
    const incoming = generated[field];
    if (behavior === 'replace') {
      if (incoming === undefined) delete target[field];
      else target[field] = incoming;
    } else if (isMap(incoming)) {
      target[field] = {
        ...(isMap(target[field]) ? (target[field] as JsonMap) : {}),
        ...incoming,
      };
    }
  }
  const meta = existing.metadata();
  const genMeta = generated.metadata ?? {};
  for (const field of ['labels', 'annotations'] as const) {
    if (isMap(genMeta[field]))
      meta[field] = {
        ...(isMap(meta[field]) ? (meta[field] as JsonMap) : {}),
        ...(genMeta[field] as JsonMap),
      };
  }
}

/** configMapGenerator and secretGenerator of one kustomization. */
export async function runGenerators(
  tree: FileTree,
  k: Kustomization,
  resMap: ResMap,
  problems: EngineProblem[],
): Promise<void> {
  for (const {
    value: args,
    line,
  } of k.generators as Located<GeneratorArgs>[]) {
    const options = mergedOptions(k.generatorOptions, args.options);
    const data = await collectData(tree, k, args, line, problems);
    const obj = buildGenerated(args, data, options);
    if (args.behavior === 'create') {
      const r = new Resource(obj, { file: k.file, line });
      r.needsHash = !options.disableNameSuffixHash;
      const p = resMap.add(r);
      if (p) problems.push(p);
      continue;
    }
    const existing = findExisting(resMap, args);
    if (!existing) {
      problems.push({
        code: 'generator-no-base',
        severity: 'error',
        file: k.file,
        line,
        message: `${args.kind} generator '${args.name}' with behavior ${args.behavior} finds no ${args.kind} of that name to ${args.behavior}`,
      });
      continue;
    }
    mergeInto(existing, obj, args.behavior);
    if (args.options?.disableNameSuffixHash !== undefined)
      existing.needsHash = !args.options.disableNameSuffixHash;
  }
}
