import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's example monorepo, the module's main fixture. */
export const EXAMPLE_MONOREPO = resolve(
  __dirname,
  '../../../../examples/flux-monorepo',
);

/** A writable copy of the example monorepo in a temp dir, for tests that change it. */
export function copyExampleMonorepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flux-catalog-')), 'repo');
  cpSync(EXAMPLE_MONOREPO, dir, { recursive: true });
  return dir;
}
