import fs from 'node:fs';
import path from 'node:path';
import { createLocalTree } from '@flux-portal/kustomize';
import { exampleGitRepo, git, writeFiles } from '../__testUtils__/exampleRepo';
import { planAddCluster } from './planAddCluster';

const INPUT = {
  name: 'staging',
  gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
  branch: 'master',
};

describe('planAddCluster', () => {
  let repo: string;
  beforeAll(() => {
    repo = exampleGitRepo();
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('adds only clusters/<name>/ and renders the shared infrastructure and apps there', async () => {
    const change = await planAddCluster(createLocalTree(repo), INPUT);
    expect(change.problems).toEqual([]);
    expect(change.modified).toEqual([]);
    writeFiles(repo, change.files);
    git(repo, 'add', '-A');
    const changed = git(repo, 'diff', '--cached', '--name-only')
      .trim()
      .split('\n');
    expect(changed.every(f => f.startsWith('clusters/staging/'))).toBe(true);
    expect(changed).toEqual(
      expect.arrayContaining([
        'clusters/staging/apps.yaml',
        'clusters/staging/infrastructure.yaml',
        'clusters/staging/helm-repositories.yaml',
      ]),
    );
    expect(
      fs.readFileSync(
        path.join(repo, 'clusters/staging/helm-repositories.yaml'),
        'utf8',
      ),
    ).toBe(
      fs.readFileSync(
        path.join(repo, 'clusters/contour/helm-repositories.yaml'),
        'utf8',
      ),
    );
    expect(change.bootstrap).toBe(
      'flux bootstrap github --owner=example-org --repository=flux-monorepo --branch=master --path=clusters/staging',
    );
    expect(change.entityRef).toBe('resource:default/staging');
    git(repo, 'reset', '-q', '--hard');
  });

  it('refuses an existing or invalid cluster name', async () => {
    const tree = createLocalTree(repo);
    expect(
      (await planAddCluster(tree, { ...INPUT, name: 'contour' })).problems,
    ).toEqual(['clusters/contour already exists']);
    expect(
      (await planAddCluster(tree, { ...INPUT, name: 'Staging' })).problems[0],
    ).toContain('DNS-1123');
  });

  it('refuses to copy HelmRepositories from a cluster that does not exist', async () => {
    const change = await planAddCluster(createLocalTree(repo), {
      ...INPUT,
      helmRepositoriesFrom: 'mars',
    });
    expect(change.problems).toEqual([
      'no clusters/mars/helm-repositories.yaml to start from',
    ]);
    expect(change.files).toEqual({});
  });
});
