import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddAppAction } from './addApp';

const integrations = ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} }));
const reader = { readTree: jest.fn(), readUrl: jest.fn(), search: jest.fn() };
const INPUT = {
  repoUrl: 'github.com?owner=example-org&repo=flux-monorepo',
  name: 'invoices',
  owner: 'group:default/team-documents',
  description: 'Invoices of construction contracts',
  image: 'cr.example/invoices:1.0.0',
  dependsOn: ['resource:default/postgresql'],
};

describe('flux:monorepo:add-app', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = exampleGitRepo();
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const action = createAddAppAction({ integrations, reader: reader as any });

  it('dry run outputs the diff and the rendered objects of the new service', async () => {
    const { ctx, outputs } = mockActionContext(INPUT, { workspacePath: workspace, isDryRun: true });
    await action.handler(ctx);
    expect(outputs.entityRef).toBe('component:default/invoices');
    expect(outputs.branch).toBe('flux-portal/add-app-invoices');
    expect(outputs.diff).toContain('+++ b/apps/invoices/base/deployment.yaml');
    expect(outputs.diff).toContain('+- invoices');
    expect((outputs.files as string[]).length).toBe(7);
    expect((outputs.rendered as Array<{ kind: string }>).map(o => o.kind).sort()).toEqual([
      'Deployment',
      'Namespace',
      'Service',
    ]);
    // Read from the workspace checkout: the repository was never fetched.
    expect(reader.readTree).not.toHaveBeenCalled();
    // Nothing is written to the checkout in a dry run.
    expect(fs.existsSync(`${workspace}/apps/invoices`)).toBe(false);
  });

  it('refuses an invalid change with every reason and outputs nothing', async () => {
    const { ctx, outputs } = mockActionContext(
      { ...INPUT, name: 'notes' },
      { workspacePath: workspace, isDryRun: true },
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      /Refusing to add service "notes", nothing was pushed:\n- apps\/notes already exists/,
    );
    expect(outputs).toEqual({});
  });

  it('says clearly that opening the pull request is not there yet', async () => {
    const { ctx } = mockActionContext(INPUT, { workspacePath: workspace });
    await expect(action.handler(ctx)).rejects.toThrow(/opening the pull request is not implemented yet; nothing was pushed/);
  });

  it('reads the repository through the UrlReader when the workspace holds no checkout', async () => {
    const empty = fs.mkdtempSync(`${workspace}-empty`);
    try {
      reader.readTree.mockResolvedValueOnce({ files: async () => [], etag: 'x' });
      const { ctx } = mockActionContext({ ...INPUT, targetBranch: 'main' }, { workspacePath: empty, isDryRun: true });
      await expect(action.handler(ctx)).rejects.toThrow(/apps\/kustomization.yaml is missing/);
      expect(reader.readTree).toHaveBeenCalledWith('https://github.com/example-org/flux-monorepo/tree/main');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
