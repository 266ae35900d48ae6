import { isMap as isYamlMap, LineCounter, parseDocument } from 'yaml';
import { EngineProblem } from '../../problems';
import { MAX_ALIAS_COUNT } from '../../yaml';
import { decodeUtf8 } from '../../yaml/decodeUtf8';
import { conversionProblem, syntaxProblem } from '../../yaml/yamlProblems';
import { isMap, JsonMap } from '../json';

/** The 1-based line of a path in the document: a top-level field's key line, a nested value's own line (its nearest ancestor's when absent). */
export type LineOf = (...path: Array<string | number>) => number;

/**
 * Decodes and parses a kustomization file into a plain mapping, with a way to
 * find the line of any field. Returns undefined (with a problem) when the
 * file is not UTF-8, not YAML, or not a mapping.
 */
export function readYamlMapping(
  bytes: Buffer,
  file: string,
  problems: EngineProblem[],
): { data: JsonMap; lineOf: LineOf } | undefined {
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

  // A top-level field is reported at its key: a block value starts a line below.
  const keyLine = (key: string | number): number | undefined => {
    const top = doc.contents;
    if (!isYamlMap(top)) return undefined;
    const pair = top.items.find(
      p => (p.key as { value?: unknown })?.value === key,
    );
    const range = (pair?.key as { range?: [number, number, number] })?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const lineOf: LineOf = (...path) => {
    if (path.length === 1) return keyLine(path[0]) ?? 1;
    const node = doc.getIn(path, true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
    return lineOf(...path.slice(0, -1));
  };
  return { data, lineOf };
}
