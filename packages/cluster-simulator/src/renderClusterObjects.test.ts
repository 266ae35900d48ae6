import { join } from 'node:path';
import {
  EXAMPLE_MONOREPO_DIR,
  findKubectl,
  kustomizeBuild,
} from '@flux-portal/test-utils';
import { createLocalTree } from '@flux-portal/kustomize';
import { KUSTOMIZE_NAME_LABEL } from '@flux-portal/plugin-flux-common';
import { renderClusterObjects } from './renderClusterObjects';

const kubectl = findKubectl();

describe('renderClusterObjects', () => {
  if (!kubectl.path) {
    it('is skipped: no kubectl to compare with', () => {
      // eslint-disable-next-line no-console
      console.warn(`renderClusterObjects test skipped: ${kubectl.detail}`);
      expect(kubectl.path).toBeUndefined();
    });
    return;
  }

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
    for (const folder of ['apps', 'infrastructure']) {
      const expected = kustomizeBuild(
        join(EXAMPLE_MONOREPO_DIR, folder),
        kubectl.path,
      )
        .map(key)
        .sort();
      const actual = objects
        .filter(o => owner(o) === folder)
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
