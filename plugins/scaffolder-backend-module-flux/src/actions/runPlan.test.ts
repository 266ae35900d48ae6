import { INVOICES_SERVICE } from '../__testUtils__/actionInputs';
import { GITHUB_REPO_URL } from '../__testUtils__/fakeForges';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { planAddApp } from '../plan/planAddApp';
import { runPlan } from './runPlan';

jest.setTimeout(60_000);

describe('runPlan', () => {
  const forgeServer = useFakeForgeServer();

  it('refuses a change writing outside the action’s folder and registration files; nothing pushed', async () => {
    const { github, forges } = forgeServer.start();
    const { ctx } = mockActionContext(
      { repoUrl: GITHUB_REPO_URL },
      { workspacePath: '/nonexistent-workspace' },
    );
    const run = runPlan(
      ctx,
      { forges },
      {
        what: 'service "invoices"',
        branch: 'flux-portal/add-app-invoices',
        mayWrite: path =>
          path.startsWith('apps/invoices/') ||
          path === 'apps/kustomization.yaml',
        plan: async tree => {
          const change = await planAddApp(tree, INVOICES_SERVICE);
          return {
            ...change,
            files: {
              ...change.files,
              'clusters/contour/apps.yaml': 'tampered\n',
            },
          };
        },
      },
    );
    await expect(run).rejects.toThrow(
      'Refusing to add service "invoices", nothing was pushed:\n- would write clusters/contour/apps.yaml, outside what adding service "invoices" may change',
    );
    expect(github.writes()).toEqual([]);
  });
});
