import fs from 'node:fs';
import path from 'node:path';
import { parseSeedMap, SeedMap } from './seedMap';

/** Root of examples/flux-monorepo in this repository. @public */
export const EXAMPLE_MONOREPO_DIR = path.resolve(
  // A test helper: it only ever runs from the source checkout.
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '../../../examples/flux-monorepo',
);

/** The seed map parsed from the example's committed copy of the seed README. @public */
export function loadExampleSeedMap(
  root: string = EXAMPLE_MONOREPO_DIR,
): SeedMap {
  const file = path.join(root, 'docs/seed-README.ru.md');
  return parseSeedMap(fs.readFileSync(file, 'utf8'), file);
}

/** Every directory under root (relative, sorted) holding a kustomization.yaml. @public */
export function findKustomizationDirs(root: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    const entries = fs.readdirSync(abs, { withFileTypes: true });
    if (entries.some(e => e.isFile() && e.name === 'kustomization.yaml')) {
      found.push(rel || '.');
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.'))
        walk(path.join(rel, e.name));
    }
  };
  walk('');
  return found.sort();
}
