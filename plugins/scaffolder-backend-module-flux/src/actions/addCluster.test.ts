import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import os from 'node:os';
import { GITHUB_REPO_URL } from '../__testUtils__/fakeForges';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { createForgeFactory } from '../forge/createForgeClient';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddClusterAction } from './addCluster';

describe('flux:monorepo:add-cluster', () => {
  const forgeServer = useFakeForgeServer();
  const action = createAddClusterAction({
    forges: createForgeFactory(
      ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
    ),
  });

  it('dry run outputs the new cluster files, diff and bootstrap command', async () => {
    const workspace = exampleGitRepo();
    try {
      const { ctx, outputs } = mockActionContext(
        {
          repoUrl: 'github.com?owner=example-org&repo=flux-monorepo',
          name: 'staging',
          gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
          branch: 'master',
        },
        { workspacePath: workspace, isDryRun: true },
      );
      await action.handler(ctx);
      expect(outputs.bootstrap).toBe(
        'flux bootstrap github --owner=example-org --repository=flux-monorepo --branch=master --path=clusters/staging',
      );
      expect(outputs.files).toEqual(
        expect.arrayContaining(['clusters/staging/apps.yaml']),
      );
      expect(outputs.diff).toContain(
        '+++ b/clusters/staging/infrastructure.yaml',
      );
      expect(outputs.entityRef).toBe('resource:default/staging');
      expect(fs.existsSync(`${workspace}/clusters/staging`)).toBe(false);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('real run opens a GitHub pull request with the bootstrap command in its description', async () => {
    const { github, forges } = forgeServer.start();
    const { ctx, outputs } = mockActionContext(
      {
        repoUrl: GITHUB_REPO_URL,
        targetBranch: 'main',
        name: 'staging',
        gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
        branch: 'main',
      },
      { workspacePath: `${os.tmpdir()}/no-such-checkout` },
    );
    await createAddClusterAction({ forges }).handler(ctx);
    expect(outputs.pullRequestNumber).toBe(1);
    expect(github.pulls[0].body).toContain(outputs.bootstrap as string);
    // the pull request says what the new cluster renders
    expect(github.pulls[0].body).toContain(
      '### Flux changes against `the target branch`',
    );
    expect(github.pulls[0].body).toMatch(
      /#### Kustomization `flux-system\/apps` \(cluster `staging`\): added/,
    );
    expect(outputs.bootstrap).toMatch(/^flux bootstrap/);
    const files = github.filesAt('flux-portal/add-cluster-staging');
    const added = Object.keys(files)
      .filter(f => f.startsWith('clusters/staging/'))
      .sort();
    expect(added).toEqual([...(outputs.files as string[])].sort());
    expect(added).toContain('clusters/staging/apps.yaml');
    // targetBranch given: the default branch is not looked up.
    expect(github.calls).not.toContain('GET /repos/example-org/flux-monorepo');
  });
});
