import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddInfraAction } from './addInfra';

describe('flux:monorepo:add-infra', () => {
  const action = createAddInfraAction({
    integrations: ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
    reader: { readTree: jest.fn(), readUrl: jest.fn(), search: jest.fn() } as any,
  });

  it('dry run outputs the diff with the new HelmRepository and the rendered HelmRelease', async () => {
    const workspace = exampleGitRepo();
    try {
      const { ctx, outputs } = mockActionContext(
        {
          repoUrl: 'gitlab.com?owner=example-org&repo=flux-monorepo',
          name: 'loki',
          owner: 'group:default/platform-team',
          description: 'Log storage',
          chart: 'loki',
          version: '6.6.2',
          repositoryName: 'grafana',
          repositoryUrl: 'https://grafana.github.io/helm-charts',
        },
        { workspacePath: workspace, isDryRun: true },
      );
      await action.handler(ctx);
      expect(outputs.diff).toContain('+  url: https://grafana.github.io/helm-charts');
      expect(outputs.diff).toContain('+- loki');
      expect((outputs.rendered as Array<{ kind: string }>).map(o => o.kind).sort()).toEqual([
        'HelmRelease',
        'Namespace',
      ]);
      expect(outputs.entityRef).toBe('resource:default/loki');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
