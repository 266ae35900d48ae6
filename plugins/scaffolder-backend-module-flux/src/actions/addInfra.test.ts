import fs from 'node:fs';
import os from 'node:os';
import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { LOKI_COMPONENT } from '../__testUtils__/actionInputs';
import { GITLAB_REPO_URL } from '../__testUtils__/fakeForges';
import { useFakeForgeServer } from '../__testUtils__/fakeForgeServer';
import { createForgeFactory } from '../forge/createForgeClient';
import { exampleGitRepo } from '../__testUtils__/exampleRepo';
import { mockActionContext } from '../__testUtils__/mockActionContext';
import { createAddInfraAction } from './addInfra';

const LOKI = {
  ...LOKI_COMPONENT,
  repoUrl: 'gitlab.com?owner=example-org&repo=flux-monorepo',
};

describe('flux:monorepo:add-infra', () => {
  const forgeServer = useFakeForgeServer();
  const action = createAddInfraAction({
    forges: createForgeFactory(
      ScmIntegrations.fromConfig(mockServices.rootConfig({ data: {} })),
    ),
  });

  it('dry run outputs the diff with the new HelmRepository and the rendered HelmRelease', async () => {
    const workspace = exampleGitRepo();
    try {
      const { ctx, outputs } = mockActionContext(LOKI, {
        workspacePath: workspace,
        isDryRun: true,
      });
      await action.handler(ctx);
      expect(outputs.diff).toContain(
        '+  url: https://grafana.github.io/helm-charts',
      );
      expect(outputs.diff).toContain('+- loki');
      expect(
        (outputs.rendered as Array<{ kind: string }>).map(o => o.kind).sort(),
      ).toEqual(['HelmRelease', 'Namespace']);
      expect(outputs.entityRef).toBe('resource:default/loki');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('real run opens a GitLab merge request adding the component and its HelmRepository', async () => {
    const { gitlab, forges } = forgeServer.start();
    const { ctx, outputs } = mockActionContext(
      { ...LOKI, repoUrl: GITLAB_REPO_URL },
      { workspacePath: `${os.tmpdir()}/no-such-checkout` },
    );
    await createAddInfraAction({ forges }).handler(ctx);
    expect(outputs.pullRequestUrl).toBe(
      'https://gitlab.com/platform/gitops/flux-monorepo/-/merge_requests/1',
    );
    expect(outputs.branch).toBe('flux-portal/add-infra-loki');
    const before = gitlab.filesAt('main');
    const after = gitlab.filesAt('flux-portal/add-infra-loki');
    const changed = Object.keys(after).filter(f => after[f] !== before[f]);
    expect(changed.sort()).toEqual([...(outputs.files as string[])].sort());
    expect(
      changed.filter(f => f.endsWith('helm-repositories.yaml')).length,
    ).toBeGreaterThan(0);
    for (const f of changed.filter(c => c.endsWith('helm-repositories.yaml'))) {
      expect(after[f].startsWith(before[f].trimEnd())).toBe(true);
      expect(after[f]).toContain('url: https://grafana.github.io/helm-charts');
    }
    expect(gitlab.commitOf('flux-portal/add-infra-loki')!.parents).toEqual([
      gitlab.branches.get('main'),
    ]);
  });

  it('treats fields a form left empty as not given', async () => {
    const workspace = exampleGitRepo();
    try {
      const { ctx, outputs } = mockActionContext(
        { ...LOKI, namespace: '', system: '', targetBranch: '' },
        { workspacePath: workspace, isDryRun: true },
      );
      await action.handler(ctx);
      const release = (
        outputs.rendered as Array<{
          kind: string;
          metadata: { namespace?: string; labels?: Record<string, string> };
        }>
      ).find(o => o.kind === 'HelmRelease')!;
      expect(release.metadata.namespace).toBe('loki');
      expect(release.metadata.labels?.['app.kubernetes.io/part-of']).toBe(
        'platform',
      );
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
