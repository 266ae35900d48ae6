import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { GITHUB_REPO_URL, GITHUB_TOKEN } from './__testUtils__/fakeForges';
import { useFakeForgeServer } from './__testUtils__/fakeForgeServer';
import { mockActionContext } from './__testUtils__/mockActionContext';
import { scaffolderModuleFluxMonorepo } from './module';

jest.setTimeout(60_000);

describe('scaffolderModuleFluxMonorepo', () => {
  const forgeServer = useFakeForgeServer();

  it('registers the three actions, which reach GitHub with the token of the integrations config', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...a: TemplateAction<any, any, any>[]) =>
              actions.push(...a),
          },
        ],
      ],
      features: [
        scaffolderModuleFluxMonorepo,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: GITHUB_TOKEN }],
            },
          },
        }),
      ],
    });
    expect(actions.map(a => a.id)).toEqual([
      'flux:monorepo:add-app',
      'flux:monorepo:add-infra',
      'flux:monorepo:add-cluster',
    ]);

    const { github } = forgeServer.start();
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-module-'));
    try {
      const { ctx, outputs } = mockActionContext(
        {
          repoUrl: GITHUB_REPO_URL,
          name: 'staging',
          gitUrl: 'ssh://git@github.com/example-org/flux-monorepo',
          branch: 'main',
        },
        { workspacePath: workspace },
      );
      await actions[2].handler(ctx);
      expect(outputs.pullRequestUrl).toBe(
        'https://github.com/example-org/flux-monorepo/pull/1',
      );
      expect(github.pulls).toHaveLength(1);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
