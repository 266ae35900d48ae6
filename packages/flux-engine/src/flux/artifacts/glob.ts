/**
 * The two glob dialects source-watcher uses when it copies files into an
 * artifact: Go's `fs.Glob` for what to copy (one path segment per `*`; `**`
 * is no more than `*` there), and doublestar for `exclude` (`**` spans any
 * number of segments).
 */

const GLOB_CHARS = /[*?[\]]/;

/** Whether a path (segment) has glob metacharacters, as source-watcher decides. */
export function hasGlobChars(path: string): boolean {
  return GLOB_CHARS.test(path);
}

const segmentCache = new Map<string, RegExp>();

/** Go's path.Match for one segment: `*`, `?`, `[...]` (`[^...]` negates), `\` escapes. */
export function matchSegment(pattern: string, name: string): boolean {
  let re = segmentCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${segmentSource(pattern)}$`, 's');
    segmentCache.set(pattern, re);
  }
  return re.test(name);
}

function segmentSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i]);
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('^') || body.startsWith('!');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else out += escapeRegex(ch);
  }
  return out;
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** doublestar's Match: segments matched one by one, `**` standing for zero or more. */
export function matchDoublestar(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const s = path.split('/');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === s.length;
    if (p[i] === '**') {
      for (let k = j; k <= s.length; k++) if (match(i + 1, k)) return true;
      return false;
    }
    return j < s.length && matchSegment(p[i], s[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
