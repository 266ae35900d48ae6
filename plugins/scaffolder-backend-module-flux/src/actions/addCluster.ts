import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { planAddCluster } from '../plan/planAddCluster';
import { clusterName } from './clusterName';
import { RepoAccess, runPlan } from './runPlan';
import { changeOutputSchema, repoInputSchema } from './sharedSchema';

/** @public */
export const ADD_CLUSTER_ACTION_ID = 'flux:monorepo:add-cluster';

/**
 * `flux:monorepo:add-cluster`: adds `clusters/<name>/` to a Flux monorepo;
 * outputs the `flux bootstrap` command for the new cluster.
 * @public
 */
export function createAddClusterAction(options: RepoAccess) {
  return createTemplateAction({
    id: ADD_CLUSTER_ACTION_ID,
    description:
      'Adds clusters/<name>/ (infrastructure.yaml, apps.yaml depending on infrastructure, helm-repositories.yaml) to a Flux monorepo',
    supportsDryRun: true,
    examples: [
      {
        description: 'Add a staging cluster synced from the master branch',
        example: [
          'steps:',
          '  - id: add',
          `    action: ${ADD_CLUSTER_ACTION_ID}`,
          '    input:',
          '      repoUrl: github.com?owner=example-org&repo=flux-monorepo',
          '      name: staging',
          '      gitUrl: ssh://git@github.com/example-org/flux-monorepo',
          '      branch: master',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        ...repoInputSchema,
        name: z => z.string().describe('Cluster folder name: DNS-1123 label'),
        gitUrl: z => z.string().describe('URL Flux pulls the monorepo from'),
        branch: z => z.string().describe('Branch Flux syncs'),
        helmRepositoriesFrom: z =>
          z
            .string()
            .optional()
            .describe(
              'Existing cluster (name or Resource entity ref) whose HelmRepositories to copy; default the first',
            ),
      },
      output: {
        ...changeOutputSchema,
        bootstrap: z =>
          z.string().describe('flux bootstrap command for the new cluster'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      ctx.output('bootstrap', '');
      let bootstrap = '';
      await runPlan(ctx, options, {
        what: `cluster "${input.name}"`,
        branch: `flux-portal/add-cluster-${input.name}`,
        mayWrite: path => path.startsWith(`clusters/${input.name}/`),
        plan: async tree => {
          const change = await planAddCluster(tree, {
            ...input,
            helmRepositoriesFrom: input.helmRepositoriesFrom
              ? clusterName(input.helmRepositoriesFrom)
              : undefined,
          });
          bootstrap = change.bootstrap;
          ctx.output('bootstrap', bootstrap);
          return change;
        },
        notes: () =>
          `After merge, bootstrap Flux on the new cluster:\n\n\`\`\`sh\n${bootstrap}\n\`\`\``,
      });
    },
  });
}
