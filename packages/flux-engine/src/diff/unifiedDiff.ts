/**
 * A unified diff (`git diff` style, 3 lines of context) of one file: for
 * the scaffolder's planned files and for `flux-portal diff`'s rendered
 * objects. The common head and tail are set aside first; the middle gets an
 * LCS table, or, when it is too large for one, is shown as replaced whole.
 */
type Op = { type: ' ' | '-' | '+'; line: string };

/** Cells of the LCS table above which a middle is shown replaced whole. */
const MAX_TABLE_CELLS = 4_000_000;

function lines(text: string | undefined): string[] {
  if (!text) return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function middleScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_TABLE_CELLS) {
    return [
      ...a.map(line => ({ type: '-' as const, line })),
      ...b.map(line => ({ type: '+' as const, line })),
    ];
  }
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

function editScript(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const same = (line: string) => ({ type: ' ' as const, line });
  return [
    ...a.slice(0, head).map(same),
    ...middleScript(
      a.slice(head, a.length - tail),
      b.slice(head, b.length - tail),
    ),
    ...a.slice(a.length - tail).map(same),
  ];
}

function hunksOf(ops: Op[], context: number): string[] {
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
  return hunks;
}

/**
 * Diff of `path` from `before` to `after`; undefined on one side is a new
 * or a deleted file. Empty when nothing changed.
 * @public
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  context = 3,
): string {
  const hunks = hunksOf(editScript(lines(before), lines(after)), context);
  if (!hunks.length) return '';
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(before === undefined ? ['new file mode 100644'] : []),
    ...(after === undefined ? ['deleted file mode 100644'] : []),
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ];
  return `${[...header, ...hunks].join('\n')}\n`;
}
