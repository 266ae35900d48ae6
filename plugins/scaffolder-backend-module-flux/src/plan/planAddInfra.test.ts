import fs from 'node:fs';
import { createLocalTree } from '@flux-portal/kustomize';
import { exampleGitRepo, git, writeFiles } from '../__testUtils__/exampleRepo';
import { planAddInfra } from './planAddInfra';

const COMPONENT = {
  name: 'loki',
  namespace: 'loki',
  createNamespace: true,
  partOf: 'observability',
  component: 'logging',
  owner: 'group:default/platform-team',
  description: 'Log storage',
  chart: 'loki',
  version: '6.6.2',
  values: { deploymentMode: 'SingleBinary' },
  patchValues: { singleBinary: { replicas: 1 } },
};
const GRAFANA = {
  name: 'grafana',
  url: 'https://grafana.github.io/helm-charts',
};

describe('planAddInfra', () => {
  it('adds the folder, the registration and the missing HelmRepository on a real git repo', async () => {
    const repo = exampleGitRepo();
    try {
      const change = await planAddInfra(createLocalTree(repo), {
        component: COMPONENT,
        repository: GRAFANA,
      });
      expect(change.problems).toEqual([]);
      writeFiles(repo, change.files);
      git(repo, 'add', '-A');
      expect(
        git(repo, 'diff', '--cached', '--name-status').trim().split('\n'),
      ).toEqual([
        'M\tclusters/contour/helm-repositories.yaml',
        'M\tinfrastructure/kustomization.yaml',
        'A\tinfrastructure/loki/base/helmrelease.yaml',
        'A\tinfrastructure/loki/base/kustomization.yaml',
        'A\tinfrastructure/loki/base/namespace.yaml',
        'A\tinfrastructure/loki/kustomization.yaml',
        'A\tinfrastructure/loki/patches/values.yaml',
      ]);
      const added = git(
        repo,
        'diff',
        '--cached',
        '-U0',
        '--',
        'clusters',
        'infrastructure/kustomization.yaml',
      )
        .split('\n')
        .filter(l => /^[-+]/.test(l) && !/^(\+\+\+|---) /.test(l));
      expect(added).toContain('+- loki');
      expect(added).toContain('+  url: https://grafana.github.io/helm-charts');
      expect(added.some(l => l.startsWith('-'))).toBe(false);
      expect(change.rendered.map(o => o.kind).sort()).toEqual([
        'HelmRelease',
        'Namespace',
      ]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('does not add a HelmRepository the cluster already has, and refuses existing names', async () => {
    const repo = exampleGitRepo();
    try {
      const tree = createLocalTree(repo);
      const change = await planAddInfra(tree, {
        component: COMPONENT,
        repository: { name: 'jetstack', url: 'https://charts.jetstack.io' },
      });
      expect(change.problems).toEqual([]);
      expect(change.modified).toEqual(['infrastructure/kustomization.yaml']);
      const taken = await planAddInfra(tree, {
        component: { ...COMPONENT, name: 'redis' },
        repository: GRAFANA,
      });
      expect(taken.problems).toEqual(['infrastructure/redis already exists']);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
