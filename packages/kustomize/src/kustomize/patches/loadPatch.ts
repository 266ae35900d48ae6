import { parseAllDocuments } from 'yaml';
import { EngineProblem } from '../../problems';
import { FileTree, resolveTreePath } from '../../tree';
import { MAX_ALIAS_COUNT } from '../../yaml';
import { decodeUtf8 } from '../../yaml/decodeUtf8';
import { isMap, JsonMap } from '../json';
import { PatchEntry } from '../kustomizationFile';
import { JsonPatchOperation } from './json6902';
import { treeProblem } from '../treeProblem';

/** A patch ready to apply, with where it was written for messages. */
export type LoadedPatch =
  | { type: 'smp'; docs: JsonMap[]; file: string; line?: number }
  | {
      type: 'json6902';
      ops: JsonPatchOperation[];
      file: string;
      line?: number;
    };

/** Parses a patch's text once per content when given a ParseCache. */
export interface PatchParser {
  parsePatch(key: string, text: string, parse: () => ParsedPatch): ParsedPatch;
}

/** A patch's parse: the patch, or the problems that stopped it. */
export interface ParsedPatch {
  patch?: LoadedPatch;
  problems: EngineProblem[];
}

/**
 * Reads a patch (inline or from a file next to the kustomization) and tells
 * strategic-merge patches (mappings) from JSON 6902 patches (lists), as
 * kustomize does. Returns undefined after recording a problem. Parsed patches
 * are shared through `parser` and never mutated: applying one copies from it.
 */
export async function loadPatch(
  tree: FileTree,
  entry: PatchEntry,
  kustomizationFile: string,
  kustomizationDir: string,
  line: number | undefined,
  problems: EngineProblem[],
  parser?: PatchParser,
): Promise<LoadedPatch | undefined> {
  let text: string;
  let file = kustomizationFile;
  let baseLine = line;
  if (entry.patch !== undefined) {
    text = entry.patch;
  } else {
    try {
      file = resolveTreePath(kustomizationDir, entry.path!);
      const decoded = decodeUtf8(await tree.readFile(file), file);
      if ('problem' in decoded) {
        problems.push(decoded.problem);
        return undefined;
      }
      text = decoded.text;
      baseLine = 1;
    } catch (e) {
      problems.push(
        treeProblem(e, kustomizationFile, line, `patch '${entry.path}'`),
      );
      return undefined;
    }
  }
  const parse = () => parsePatch(text, file, baseLine, entry.legacy);
  const parsed = parser
    ? parser.parsePatch(
        `${file}|${baseLine ?? ''}|${entry.legacy ?? ''}`,
        text,
        parse,
      )
    : parse();
  problems.push(...parsed.problems);
  return parsed.patch;
}

function parsePatch(
  text: string,
  file: string,
  baseLine: number | undefined,
  legacy: PatchEntry['legacy'],
): ParsedPatch {
  const problems: EngineProblem[] = [];
  return {
    patch: parsePatchText(text, file, baseLine, legacy, problems),
    problems,
  };
}

function parsePatchText(
  text: string,
  file: string,
  baseLine: number | undefined,
  legacy: PatchEntry['legacy'],
  problems: EngineProblem[],
): LoadedPatch | undefined {
  const docs: unknown[] = [];
  let parsedDocs: any[];
  try {
    parsedDocs = parseAllDocuments(text, { uniqueKeys: true }) as any[];
  } catch (e) {
    // Absurd nesting overflows the parser's recursion.
    problems.push({
      code: 'yaml-too-deep',
      severity: 'error',
      file,
      line: baseLine,
      message: `patch could not be parsed: ${(e as Error).message}`,
    });
    return undefined;
  }
  for (const doc of parsedDocs) {
    if (doc.errors?.length) {
      problems.push({
        code: /maximum call stack/i.test(String(doc.errors[0].message))
          ? 'yaml-too-deep'
          : 'yaml-invalid',
        severity: 'error',
        file,
        line: baseLine,
        message: `invalid patch YAML: ${
          String(doc.errors[0].message).split('\n')[0]
        }`,
      });
      return undefined;
    }
    try {
      const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (value !== null && value !== undefined) docs.push(value);
    } catch (e) {
      problems.push({
        code: 'yaml-invalid',
        severity: 'error',
        file,
        line: baseLine,
        message: `invalid patch: ${(e as Error).message}`,
      });
      return undefined;
    }
  }
  if (docs.length === 0) {
    problems.push({
      code: 'patch-invalid',
      severity: 'error',
      file,
      line: baseLine,
      message: 'patch is empty',
    });
    return undefined;
  }
  if (legacy === 'json6902' || Array.isArray(docs[0])) {
    const ops = docs[0];
    if (
      !Array.isArray(ops) ||
      !ops.every(
        op =>
          isMap(op) && typeof op.op === 'string' && typeof op.path === 'string',
      )
    ) {
      problems.push({
        code: 'patch-invalid',
        severity: 'error',
        file,
        line: baseLine,
        message: 'JSON 6902 patch must be a list of {op, path} operations',
      });
      return undefined;
    }
    return {
      type: 'json6902',
      ops: ops as JsonPatchOperation[],
      file,
      line: baseLine,
    };
  }
  // kustomize parses a strategic merge patch as an object: it needs a kind
  // and a metadata.name, even when a target selects what it patches.
  const named = (d: unknown) =>
    isMap(d) &&
    typeof d.kind === 'string' &&
    isMap(d.metadata) &&
    typeof d.metadata.name === 'string';
  if (!docs.every(named)) {
    problems.push({
      code: 'patch-invalid',
      severity: 'error',
      file,
      line: baseLine,
      message:
        'strategic merge patch needs kind and metadata.name (or is not a mapping)',
    });
    return undefined;
  }
  if (!docs.every(isMap)) {
    problems.push({
      code: 'patch-invalid',
      severity: 'error',
      file,
      line: baseLine,
      message: 'strategic merge patch must be a mapping',
    });
    return undefined;
  }
  return { type: 'smp', docs: docs as JsonMap[], file, line: baseLine };
}
