import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

// Plain scalars are written as they are; anything YAML would misread
// (`#`, `: `, leading indicators, spaces at the ends) is double-quoted.
function formatEntry(entry: string): string {
  return /^[A-Za-z0-9._/][A-Za-z0-9._/-]*$/.test(entry)
    ? entry
    : JSON.stringify(entry);
}

/**
 * Adds `- entry` at the end of the `resources:` list of a kustomization.yaml
 * text by editing the text in place, so comments, order and formatting of
 * everything else stay byte-identical. Creates the list when it is missing.
 * Throws when the entry is already listed (compared without `./` and a
 * trailing `/`), or when the text is not a kustomization mapping.
 * @public
 */
export function addToKustomizationResources(
  text: string,
  entry: string,
  fileName: string = 'kustomization.yaml',
): string {
  const trimmed = entry.trim();
  if (!trimmed) throw new Error(`${fileName}: empty resource entry`);
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err.linePos?.[0].line;
    throw new Error(
      `${fileName}${line ? `:${line}` : ''}: invalid YAML: ${err.message}`,
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new Error(`${fileName}: expected a mapping at the top level`);
  }

  const normalize = (s: string) => s.replace(/^\.\//, '').replace(/\/+$/, '');
  const resources = doc.get('resources', true);
  const line = `- ${formatEntry(trimmed)}`;

  if (
    resources === undefined ||
    resources === null ||
    (isScalar(resources) && resources.value === null)
  ) {
    if (resources !== undefined && resources !== null) {
      // `resources:` with no items: put the list right under the key.
      const at = lineEnd(text, resources.range![0]);
      return `${text.slice(0, at)}\n${line}${text.slice(at)}`;
    }
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}resources:\n${line}\n`;
  }
  if (!isSeq(resources)) {
    throw new Error(`${fileName}: "resources" must be a list`);
  }
  for (const item of resources.items) {
    if (!isScalar(item)) continue;
    if (normalize(String(item.value)) === normalize(trimmed)) {
      const at = item.range
        ? text.slice(0, item.range[0]).split('\n').length
        : undefined;
      throw new Error(
        `${fileName}${
          at ? `:${at}` : ''
        }: "${trimmed}" is already listed in resources`,
      );
    }
  }
  if (resources.flow || resources.items.length === 0) {
    // `resources: []` or `[a, b]`: rewrite just that node as a block list.
    const values = resources.items.map(i =>
      isScalar(i) ? String(i.value) : '',
    );
    const [start, end] = resources.range!;
    const keyLine = lineStart(text, start);
    const block = [...values, trimmed]
      .map(v => `- ${formatEntry(v)}`)
      .join('\n');
    return `${text.slice(0, keyLine)}${text
      .slice(keyLine, start)
      .trimEnd()}\n${block}${text.slice(end)}`;
  }
  const first = resources.items[0] as { range?: [number, number, number] };
  const last = resources.items[resources.items.length - 1] as {
    range?: [number, number, number];
  };
  const firstStart = first.range![0];
  // Indentation of the existing items: whatever precedes `- ` on its line.
  const dash = text.lastIndexOf('-', firstStart);
  const indent = text.slice(lineStart(text, dash), dash);
  const at = lineEnd(text, last.range![1]);
  return `${text.slice(0, at)}\n${indent}${line}${text.slice(at)}`;
}
