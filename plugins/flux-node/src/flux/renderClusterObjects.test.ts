import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createLocalTree } from '../tree';
import {
  renderClusterObjects,
  KUSTOMIZE_NAME_LABEL,
} from './renderClusterObjects';

const EXAMPLE_MONOREPO_DIR = resolve(
  __dirname,
  '../../../../examples/flux-monorepo',
);
const kubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find(existsSync);

// kubectl kustomize with Flux's load restrictor, the oracle of the engine.
function kustomizeBuild(dir: string): any[] {
  const out = execFileSync(
    kubectl!,
    ['kustomize', '--load-restrictor=LoadRestrictionsNone', dir],
    { encoding: 'utf8' },
  );
  return parseAllDocuments(out)
    .map(d => d.toJSON())
    .filter(Boolean);
}

(kubectl ? describe : describe.skip)('renderClusterObjects', () => {
  it('renders what Flux applies to the example cluster, labelled by the Kustomization that applies it', async () => {
    const tree = createLocalTree(EXAMPLE_MONOREPO_DIR);
    const { objects, problems } = await renderClusterObjects(
      tree,
      'clusters/contour',
    );
    expect(problems.filter(p => p.severity === 'error')).toEqual([]);

    const key = (o: any) =>
      `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    const owner = (o: any) => o.metadata?.labels?.[KUSTOMIZE_NAME_LABEL];
    // The oracle: kubectl kustomize of the folders the Kustomizations point at.
    for (const [folder, ks] of [
      ['apps', 'apps'],
      ['infrastructure', 'infrastructure'],
    ]) {
      const expected = kustomizeBuild(join(EXAMPLE_MONOREPO_DIR, folder))
        .map(key)
        .sort();
      const actual = objects
        .filter(o => owner(o) === ks)
        .map(key)
        .sort();
      expect(actual).toEqual(expected);
    }
    const kustomizations = objects
      .filter(o => o.kind === 'Kustomization')
      .map(o => o.metadata?.name)
      .sort();
    expect(kustomizations).toEqual(['apps', 'flux-system', 'infrastructure']);
  });
});
