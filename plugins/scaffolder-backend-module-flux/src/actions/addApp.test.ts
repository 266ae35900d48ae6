import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createForgeFactory } from '../forge/createForgeClient';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddAppAction } from './addApp';

const forges = createForgeFactory(
  ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
);
const forgeServer = useFakeForgeServer();
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

  const action = createAddAppAction({ forges });

  it('dry run outputs the diff and the rendered objects of the new service', async () => {
    const { ctx, outputs } = mockActionContext(INPUT, {
      workspacePath: workspace,
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(outputs.entityRef).toBe('component:default/invoices');
    expect(outputs.branch).toBe('flux-portal/add-app-invoices');
    expect(outputs.diff).toContain('+++ b/apps/invoices/base/deployment.yaml');
    expect(outputs.diff).toContain('+- invoices');
    expect((outputs.files as string[]).length).toBe(7);
    expect(
      (outputs.rendered as Array<{ kind: string }>).map(o => o.kind).sort(),
    ).toEqual(['Deployment', 'Namespace', 'Service']);
    // the rendered monorepo's diff, as `flux-portal diff` prints it: the new
    // service's objects added under the Kustomization that applies apps/
    expect(outputs.renderedDiff).toMatch(
      /^Kustomization flux-system\/apps \[cluster contour\]: changed$/m,
    );
    expect(outputs.renderedDiff).toMatch(
      /^ {2}added {4}apps\/v1 Deployment invoices\/invoices$/m,
    );
    expect(outputs.renderedDiff).toMatch(/differ from the target branch\.$/m);
    // Read from the workspace checkout: no forge was called (msw fails unhandled requests).
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

  it('dry run without a checkout reads the target branch through the forge and writes nothing', async () => {
    const fakes = forgeServer.start();
    const empty = fs.mkdtempSync(`${workspace}-empty`);
    try {
      const { ctx, outputs } = mockActionContext(INPUT, {
        workspacePath: empty,
        isDryRun: true,
      });
      await createAddAppAction({ forges: fakes.forges }).handler(ctx);
      expect(outputs.diff).toContain('+- invoices');
      expect(outputs.pullRequestUrl).toBeUndefined();
      expect(
        fakes.github.calls.map(c => c.replace(/[0-9a-f]{40}/, '<sha>')),
      ).toEqual([
        'GET /repos/example-org/flux-monorepo',
        'GET /repos/example-org/flux-monorepo/branches/main',
        'GET /repos/example-org/flux-monorepo/tarball/<sha>',
      ]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a sourcePath outside the workspace', async () => {
    const { ctx } = mockActionContext(
      { ...INPUT, sourcePath: '../elsewhere' },
      { workspacePath: workspace, isDryRun: true },
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      'sourcePath "../elsewhere" leaves the workspace',
    );
  });
});
