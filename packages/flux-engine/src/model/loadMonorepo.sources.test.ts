import { createMemoryTree } from '@flux-portal/kustomize';
import { loadMonorepo } from './loadMonorepo';
import { byName } from './__testUtils__/loadFixture';

/*
 * A home-ops style repository: its Kustomizations name a GitRepository of
 * their own (not the bootstrap `flux-system`) that is this very repository.
 */
const files = (ksPath: string) => ({
  'kubernetes/flux/cluster/ks.yaml': `
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: home-ops-kubernetes
  namespace: flux-system
spec:
  interval: 30m
  url: https://github.com/example/home-ops
  ref:
    branch: main
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: cluster-apps
  namespace: flux-system
spec:
  interval: 30m
  path: ${ksPath}
  prune: true
  sourceRef:
    kind: GitRepository
    name: home-ops-kubernetes
`,
  'kubernetes/apps/default/echo/helmrelease.yaml': `
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: echo
  namespace: default
spec:
  interval: 1h
  chart:
    spec:
      chart: app-template
      version: 4.0.0
      sourceRef:
        kind: HelmRepository
        name: bjw-s
        namespace: flux-system
`,
});

describe('sources that are this repository under another name', () => {
  it('renders a GitRepository of its own when its path is a folder here, and says so', async () => {
    const model = await loadMonorepo(
      createMemoryTree(files('./kubernetes/apps')),
      { path: 'kubernetes/flux/cluster' },
    );
    expect(byName(model.kustomizations, 'cluster-apps')).toMatchObject({
      status: 'rendered',
      renderedPath: 'kubernetes/apps',
      reason:
        'GitRepository/flux-system/home-ops-kubernetes taken as this repository (./kubernetes/apps is here; --source NAME=DIR overrides)',
    });
    expect(byName(model.helmReleases, 'echo').appliedBy).toBe(
      'flux-system/cluster-apps',
    );
  });

  it('keeps it external when its path is not here, or is the bare root', async () => {
    for (const path of ['./deploy', './']) {
      const model = await loadMonorepo(createMemoryTree(files(path)), {
        path: 'kubernetes/flux/cluster',
      });
      expect(byName(model.kustomizations, 'cluster-apps')).toMatchObject({
        status: 'external',
        reason: expect.stringContaining('is not this repository'),
      });
      expect(model.helmReleases).toEqual([]);
    }
  });

  it('lets a --source mapping win', async () => {
    const tenant = createMemoryTree({
      'kubernetes/apps/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
    });
    const model = await loadMonorepo(
      createMemoryTree(files('./kubernetes/apps')),
      {
        path: 'kubernetes/flux/cluster',
        sources: [{ name: 'home-ops-kubernetes', tree: tenant, dir: '' }],
      },
    );
    expect(byName(model.kustomizations, 'cluster-apps')).toMatchObject({
      status: 'rendered',
      reason: null,
      objectCount: 0,
    });
  });
});
