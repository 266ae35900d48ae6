import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git } from '@flux-portal/test-utils';
import { unifiedDiff } from './unifiedDiff';

/** `git diff` of one file as the oracle, without the `index` line. */
function gitDiff(
  before: string | undefined,
  after: string | undefined,
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-diff-'));
  try {
    git(dir, 'init', '-q');
    if (before !== undefined)
      fs.writeFileSync(path.join(dir, 'f.yaml'), before);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'before');
    if (after === undefined) fs.rmSync(path.join(dir, 'f.yaml'));
    else fs.writeFileSync(path.join(dir, 'f.yaml'), after);
    git(dir, 'add', '-A');
    return (
      git(dir, 'diff', '--cached', '--no-color', '--no-renames')
        .split('\n')
        .filter(l => !l.startsWith('index '))
        // git appends the enclosing "function" line to hunk headers; we do not.
        .map(l => l.replace(/^(@@ [^@]+ @@).*$/, '$1'))
        .join('\n')
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const numbered = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `line ${i + from}`);

describe('unifiedDiff matches git diff', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['a new file', undefined, 'a\nb\n'],
    ['a deleted file', 'a\nb\n', undefined],
    [
      'an edit between long common head and tail',
      `${numbered(200).join('\n')}\n`,
      `${numbered(200)
        .map(l => (l === 'line 100' ? 'line 100 changed' : l))
        .join('\n')}\n`,
    ],
    [
      'an appended line',
      `${numbered(10).join('\n')}\n`,
      `${numbered(11).join('\n')}\n`,
    ],
    [
      'two distant edits (two hunks)',
      `${numbered(30).join('\n')}\n`,
      `${numbered(30)
        .map(l => (l === 'line 3' || l === 'line 25' ? `${l} changed` : l))
        .join('\n')}\n`,
    ],
    [
      'two close edits (one hunk)',
      `${numbered(20).join('\n')}\n`,
      `${numbered(20)
        .filter(l => l !== 'line 8' && l !== 'line 12')
        .join('\n')}\n`,
    ],
  ])('%s', (_name, before, after) => {
    expect(unifiedDiff('f.yaml', before, after)).toBe(gitDiff(before, after));
  });

  it('is empty for an unchanged file', () => {
    expect(unifiedDiff('f.yaml', 'a\n', 'a\n')).toBe('');
  });

  it('shows a middle too large for the table as replaced whole', () => {
    const before = `${numbered(2500).join('\n')}\n`;
    const after = `${numbered(2500, 3000).join('\n')}\n`;
    const diff = unifiedDiff('big.yaml', before, after);
    expect(diff.split('\n').filter(l => l.startsWith('-l'))).toHaveLength(2500);
    expect(diff.split('\n').filter(l => l.startsWith('+l'))).toHaveLength(2500);
    expect(diff).toContain('@@ -1,2500 +1,2500 @@');
  });
});
