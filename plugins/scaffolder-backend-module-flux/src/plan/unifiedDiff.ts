/**
 * A unified diff (`git diff` style, 3 lines of context) of one file, for the
 * dry-run output. Files here are small, so a plain LCS table is enough.
 */
type Op = { type: ' ' | '-' | '+'; line: string };

function lines(text: string | undefined): string[] {
  if (!text) return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () =>
    new Array<number>(m + 1).fill(0),
  );
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] =
        a[i] === b[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ type: ' ', line: a[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Deletions first on a tie, as git prints a replaced line.
      ops.push({ type: '-', line: a[i++] });
    } else {
      ops.push({ type: '+', line: b[j++] });
    }
  }
  return ops;
}

/** Diff of `path` from `before` (undefined = new file) to `after`. */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string,
  context = 3,
): string {
  const a = lines(before);
  const b = lines(after);
  const ops = editScript(a, b);
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(before === undefined ? ['new file mode 100644'] : []),
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ b/${path}`,
  ];
  const hunks: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].type === ' ') {
      k++;
      continue;
    }
    // Grow the hunk while changes are closer than 2 * context lines apart.
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      let gap = 0;
      while (end + gap < ops.length && ops[end + gap].type === ' ') gap++;
      if (end + gap >= ops.length || gap > 2 * context) {
        end = Math.min(ops.length, end + Math.min(gap, context));
        break;
      }
      end += gap + 1;
    }
    const slice = ops.slice(start, end);
    const aStart = ops.slice(0, start).filter(o => o.type !== '+').length;
    const bStart = ops.slice(0, start).filter(o => o.type !== '-').length;
    const aLen = slice.filter(o => o.type !== '+').length;
    const bLen = slice.filter(o => o.type !== '-').length;
    hunks.push(
      `@@ -${aLen ? aStart + 1 : aStart},${aLen} +${
        bLen ? bStart + 1 : bStart
      },${bLen} @@`,
      ...slice.map(o => `${o.type}${o.line}`),
    );
    k = end;
  }
  return hunks.length ? `${[...header, ...hunks].join('\n')}\n` : '';
}
