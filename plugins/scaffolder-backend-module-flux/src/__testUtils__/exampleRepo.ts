import { git } from '@flux-portal/test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** examples/flux-monorepo of this repository. */
export const EXAMPLE_MONOREPO = path.resolve(
  __dirname,
  '../../../../examples/flux-monorepo',
);

export { git };

/** A git repository in a temp dir holding a copy of the example monorepo, one commit. */
export function exampleGitRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-scaffold-'));
  fs.cpSync(EXAMPLE_MONOREPO, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'seed');
  return dir;
}

/** Writes `files` (path → text) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

/** `kubectl` on PATH or at /usr/bin, or undefined. */
export function findKubectl(): string | undefined {
  for (const candidate of ['/usr/bin/kubectl', '/usr/local/bin/kubectl']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
