import { LineCounter, parseAllDocuments } from 'yaml';
import { EngineProblem } from '../problems';
import { decodeUtf8 } from './decodeUtf8';
import { KubeObject } from './types';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from './limits';
import { conversionProblem, syntaxProblem } from './yamlProblems';

/** One YAML document of a manifest file and the 1-based line where it starts. @public */
export interface ParsedDocument {
  object: KubeObject;
  line: number;
}

/** Documents parsed from one file, and what went wrong in the others. @public */
export interface ParseResult {
  documents: ParsedDocument[];
  problems: EngineProblem[];
}

export { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH };

/**
 * Parses a multi-document YAML manifest file. Never throws: invalid YAML,
 * alias bombs, deep nesting, non-UTF-8 bytes and non-object documents become
 * problems with file and line, and the file's other documents are kept.
 * Empty documents (`---` alone, comments only) are skipped.
 * @public
 */
export function parseManifests(
  text: string | Buffer,
  file: string,
): ParseResult {
  const problems: EngineProblem[] = [];
  const documents: ParsedDocument[] = [];
  let source: string;
  if (typeof text === 'string') {
    source = text;
  } else {
    const decoded = decodeUtf8(text, file);
    if ('problem' in decoded) return { documents, problems: [decoded.problem] };
    source = decoded.text;
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);

  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(source, {
      lineCounter,
      prettyErrors: true,
      uniqueKeys: true,
    });
  } catch (e) {
    // The composer recurses per nesting level; absurd nesting overflows it.
    problems.push(
      invalid(
        file,
        1,
        `YAML could not be parsed: ${(e as Error).message}`,
        'yaml-too-deep',
      ),
    );
    return { documents, problems };
  }
  const list = Array.isArray(docs) ? docs : [docs];

  for (const doc of list) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      for (const err of doc.errors.slice(0, 3))
        problems.push(syntaxProblem(err, lineCounter, file));
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      problems.push(conversionProblem(e, file, line));
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({
        code: 'manifest-not-object',
        severity: 'error',
        file,
        line,
        message: `document is ${
          Array.isArray(value) ? 'a list' : `a ${typeof value}`
        }, expected a mapping`,
      });
      continue;
    }
    if (exceedsDepth(value, MAX_NESTING_DEPTH)) {
      problems.push(
        invalid(
          file,
          line,
          `document nests deeper than ${MAX_NESTING_DEPTH} levels`,
          'yaml-too-deep',
        ),
      );
      continue;
    }
    documents.push({ object: value as KubeObject, line });
  }
  return { documents, problems };
}

function invalid(
  file: string,
  line: number,
  message: string,
  code: string,
): EngineProblem {
  return { code, severity: 'error', file, line, message };
}

function exceedsDepth(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > max) return true;
    if (value && typeof value === 'object') {
      for (const child of Object.values(value as object)) {
        if (child && typeof child === 'object') stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}
