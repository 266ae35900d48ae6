import fs from 'node:fs';
import path from 'node:path';
import {
  renderExampleFiles,
  EXAMPLE_APPS,
} from '../../scripts/generate-example-apps';

const EXAMPLE = path.resolve(__dirname, '../../../../examples/flux-monorepo');

describe('examples/flux-monorepo is what the scaffold generators produce', () => {
  const files = renderExampleFiles();

  it('covers the 34 services, the apps list and the cluster entry point', () => {
    expect(EXAMPLE_APPS).toHaveLength(34);
    expect(Object.keys(files)).toHaveLength(34 * 6 + 1 + 5);
    expect(files).toHaveProperty(['apps/kustomization.yaml']);
    expect(files).toHaveProperty(['clusters/contour/apps.yaml']);
  });

  it('matches every committed file byte for byte', () => {
    const different = Object.entries(files)
      .filter(([file, text]) => {
        const full = path.join(EXAMPLE, file);
        return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== text;
      })
      .map(([file]) => file);
    expect(different).toEqual([]);
  });

  it('leaves no hand-made file among the generated app folders', () => {
    const committed: string[] = [];
    const walk = (rel: string) => {
      for (const e of fs.readdirSync(path.join(EXAMPLE, rel), {
        withFileTypes: true,
      })) {
        const child = path.posix.join(rel, e.name);
        if (e.isDirectory()) walk(child);
        else committed.push(child);
      }
    };
    walk('apps');
    expect(committed.filter(f => !(f in files))).toEqual([]);
  });
});
