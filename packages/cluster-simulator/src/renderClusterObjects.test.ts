import { join } from 'node:path';
import {
  EXAMPLE_MONOREPO_DIR,
  findKubectl,
  fluxKustomization,
  kustomization,
  kustomizeBuild,
} from '@flux-portal/test-utils';
import { createLocalTree, createMemoryTree } from '@flux-portal/kustomize';
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

describe('renderClusterObjects render failures', () => {
  it("names each Kustomization whose render fails, with the engine's reason, and none for a clean tree", async () => {
    const tree = createMemoryTree({
      'clusters/dev/apps.yaml': `${fluxKustomization(
        'apps',
        './apps',
      )}---\n${fluxKustomization('gone', './nowhere')}`,
      'apps/kustomization.yaml': kustomization('missing.yaml'),
    });
    const { renderFailures } = await renderClusterObjects(tree, 'clusters/dev');
    expect(renderFailures).toEqual([
      {
        namespace: 'flux-system',
        name: 'gone',
        message:
          './nowhere is not a folder in GitRepository/flux-system/flux-system',
      },
      {
        namespace: 'flux-system',
        name: 'apps',
        message: expect.stringMatching(
          /^apps\/kustomization\.yaml:4: .*missing\.yaml/,
        ),
      },
    ]);
    const clean = await renderClusterObjects(
      createLocalTree(EXAMPLE_MONOREPO_DIR),
      'clusters/contour',
    );
    expect(clean.renderFailures).toEqual([]);
  });
});
