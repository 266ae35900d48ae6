import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddClusterAction } from './addCluster';

describe('flux:monorepo:add-cluster', () => {
  const action = createAddClusterAction({
    integrations: ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
    reader: { readTree: jest.fn(), readUrl: jest.fn(), search: jest.fn() } as any,
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
      expect(outputs.files).toEqual(expect.arrayContaining(['clusters/staging/apps.yaml']));
      expect(outputs.diff).toContain('+++ b/clusters/staging/infrastructure.yaml');
      expect(outputs.entityRef).toBe('resource:default/staging');
      expect(fs.existsSync(`${workspace}/clusters/staging`)).toBe(false);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
