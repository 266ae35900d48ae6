import { EngineProblem } from '../problems';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly (a leading BOM is dropped). Kustomize and the API
 * server only accept UTF-8, so other encodings are reported rather than
 * guessed; the problem names the line of the first bad byte.
 */
export function decodeUtf8(
  bytes: Buffer,
  file: string,
): { text: string } | { problem: EngineProblem } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidOffset(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return {
      problem: {
        code: 'yaml-not-utf8',
        severity: 'error',
        file,
        line,
        message: `file is not valid UTF-8 (first bad byte at offset ${at})`,
      },
    };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidOffset(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    if (i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
