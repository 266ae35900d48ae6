import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Test helper: writes `files` (tree path → content) into a fresh temp dir and
 * returns its path plus a cleanup function. Real files, so confinement and
 * symlink checks run against the real file system.
 */
export function writeTempTree(files: Record<string, string | Buffer>): {
  root: string;
  base: string;
  cleanup: () => void;
} {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-render-'));
  const root = path.join(base, 'repo');
  fs.mkdirSync(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return {
    root,
    base,
    cleanup: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}
