import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { createLocalTree } from '../tree';
import { KUSTOMIZATION_FILE_NAMES } from './kustomizationFile';
import { renderKustomization } from './renderKustomization';

/*
 * Fidelity: every kustomization folder under the package fixtures, the
 * example monorepo and this renderer's own fixtures is rendered by the engine
 * and by the real `kubectl kustomize` (with Flux's load restrictor: files
 * anywhere in the tree). Both outputs are normalised to canonical JSON and
 * must be the same set of objects, in the same kustomize order.
 */

const PACKAGE_ROOT = path.resolve(__dirname, '../..');
const REPO_ROOT = path.resolve(PACKAGE_ROOT, '../..');
const ROOTS = [
  // The engine's layout fixtures are plain kustomize folders too.
  path.join(REPO_ROOT, 'packages/flux-engine/fixtures'),
  path.join(REPO_ROOT, 'examples/flux-monorepo'),
  path.join(__dirname, '__fixtures__'),
];

function findKubectl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function isKustomizationDir(dir: string): boolean {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Components cannot be built on their own.
      return !/^kind:\s*Component\s*$/m.test(fs.readFileSync(file, 'utf8'));
    }
  }
  return false;
}

function discover(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (isKustomizationDir(dir)) found.push(dir);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (
        entry.isDirectory() &&
        !entry.name.startsWith('.') &&
        entry.name !== 'node_modules'
      )
        walk(path.join(dir, entry.name));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found.sort();
}

/** Canonical JSON: sorted keys, so objects compare regardless of key order. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map(k => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

const idOf = (o: any) =>
  `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${
    o.metadata?.name
  }`;

const kubectl = findKubectl();
const cases = ROOTS.flatMap(root =>
  discover(root).map(dir => ({
    root,
    dir,
    label: path.relative(REPO_ROOT, dir),
  })),
);

describe('fidelity with kubectl kustomize', () => {
  if (!kubectl) {
    it('is skipped: kubectl is not on PATH', () => {
      // eslint-disable-next-line no-console
      console.warn('fidelity tests skipped: kubectl not found on PATH');
      expect(kubectl).toBeUndefined();
    });
    return;
  }

  it('finds the renderer fixtures', () => {
    expect(
      cases.filter(c => c.root === ROOTS[2]).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map(c => [c.label, c] as const))('%s', async (_label, c) => {
    let expectedText: string | undefined;
    let kubectlError: string | undefined;
    try {
      expectedText = execFileSync(
        kubectl,
        ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', c.dir],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 256 * 1024 * 1024,
        },
      );
    } catch (e) {
      kubectlError = String((e as { stderr?: string }).stderr ?? e);
    }
    const tree = createLocalTree(c.root);
    const result = await renderKustomization(
      tree,
      path.relative(c.root, c.dir).split(path.sep).join('/'),
    );
    const actual = result.objects.map(o => o.object);

    // When kubectl refuses a folder, the engine must report a problem too;
    // otherwise both must produce the same objects in the same order.
    const engine =
      kubectlError !== undefined
        ? { refused: true, reported: result.problems.length > 0 }
        : {
            refused: false,
            errors: result.problems.filter(p => p.severity === 'error'),
            objects: actual.map(canonical).sort(),
            order: actual.map(idOf),
          };
    let oracle: object = { refused: true, reported: true, kubectlError };
    if (kubectlError === undefined) {
      const expected = parseAllDocuments(expectedText!)
        .map(d => d.toJS())
        .filter(Boolean);
      oracle = {
        refused: false,
        errors: [],
        objects: expected.map(canonical).sort(),
        order: expected.map(idOf),
      };
    } else {
      (engine as Record<string, unknown>).kubectlError = kubectlError;
    }
    expect(engine).toEqual(oracle);
  });
});
