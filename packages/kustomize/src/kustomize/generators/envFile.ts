/**
 * Parses a kustomize env file: KEY=VALUE per line, blank lines and '#'
 * comments skipped, leading whitespace trimmed, the value kept verbatim.
 * Returns pairs and the 1-based lines that could not be read.
 */
export function parseEnvFile(text: string): {
  pairs: Array<[string, string]>;
  badLines: number[];
} {
  const pairs: Array<[string, string]> = [];
  const badLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (eq < 0 || !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      badLines.push(i + 1);
      return;
    }
    pairs.push([key, line.slice(eq + 1)]);
  });
  return { pairs, badLines };
}

/** Splits a `literals` entry "key=value", dropping one pair of surrounding quotes. */
export function parseLiteral(source: string): [string, string] | undefined {
  const eq = source.indexOf('=');
  if (eq <= 0) return undefined;
  let value = source.slice(eq + 1);
  if (
    value.length >= 2 &&
    (value[0] === '"' || value[0] === "'") &&
    value[value.length - 1] === value[0]
  ) {
    value = value.slice(1, -1);
  }
  return [source.slice(0, eq), value];
}
