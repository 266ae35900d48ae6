import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { planAddInfra } from '../plan/planAddInfra';
import { clusterName } from './clusterName';
import { RepoAccess, runPlan } from './runPlan';
import { changeOutputSchema, repoInputSchema } from './sharedSchema';

/** @public */
export const ADD_INFRA_ACTION_ID = 'flux:monorepo:add-infra';

/**
 * `flux:monorepo:add-infra`: adds a HelmRelease component under
 * `infrastructure/<name>/`, registers it, and adds its HelmRepository to the
 * clusters that lack it.
 * @public
 */
export function createAddInfraAction(options: RepoAccess) {
  return createTemplateAction({
    id: ADD_INFRA_ACTION_ID,
    description:
      'Adds a HelmRelease component under infrastructure/<name>/ of a Flux monorepo, registers it, and adds its HelmRepository where missing',
    supportsDryRun: true,
    examples: [
      {
        description: 'Add Loki from the Grafana chart repository',
        example: [
          'steps:',
          '  - id: add',
          `    action: ${ADD_INFRA_ACTION_ID}`,
          '    input:',
          '      repoUrl: github.com?owner=example-org&repo=flux-monorepo',
          '      name: loki',
          '      owner: group:default/platform-team',
          '      description: Log storage',
          '      chart: loki',
          '      version: 6.6.2',
          '      repositoryName: grafana',
          '      repositoryUrl: https://grafana.github.io/helm-charts',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        ...repoInputSchema,
        name: z =>
          z
            .string()
            .describe('Component, HelmRelease and folder name: DNS-1123 label'),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Namespace of the release; default the name'),
        createNamespace: z =>
          z
            .boolean()
            .optional()
            .describe('Write base/namespace.yaml; default true'),
        system: z =>
          z
            .string()
            .optional()
            .describe('System (app.kubernetes.io/part-of); default platform'),
        owner: z => z.string().describe('Owner entity ref'),
        description: z => z.string().describe('One line shown in the catalog'),
        chart: z => z.string().describe('Chart name'),
        version: z => z.string().describe('Chart version'),
        repositoryName: z =>
          z.string().describe('HelmRepository name in flux-system'),
        repositoryUrl: z =>
          z
            .string()
            .describe('Chart repository URL; oci:// for OCI registries'),
        values: z =>
          z.record(z.string(), z.unknown()).optional().describe('Base values'),
        patchValues: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe('Values set by patches/values.yaml'),
        clusters: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Clusters (names or Resource entity refs) where the release must render; default all',
            ),
      },
      output: {
        ...changeOutputSchema,
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      await runPlan(ctx, options, {
        what: `component "${input.name}"`,
        branch: `flux-portal/add-infra-${input.name}`,
        mayWrite: path =>
          path.startsWith(`infrastructure/${input.name}/`) ||
          path === 'infrastructure/kustomization.yaml' ||
          /^clusters\/[^/]+\/helm-repositories\.yaml$/.test(path),
        plan: tree =>
          planAddInfra(tree, {
            component: {
              name: input.name,
              // Forms send '' for fields left empty.
              namespace: input.namespace || input.name,
              createNamespace: input.createNamespace ?? true,
              partOf: input.system
                ? input.system.replace(/^.*\//, '')
                : 'platform',
              component: 'infrastructure',
              owner: input.owner,
              description: input.description,
              chart: input.chart,
              version: input.version,
              values: (input.values ?? {}) as Record<string, unknown>,
              patchValues: input.patchValues as
                | Record<string, unknown>
                | undefined,
            },
            repository: {
              name: input.repositoryName,
              url: input.repositoryUrl,
              ...(input.repositoryUrl.startsWith('oci://')
                ? { type: 'oci' as const }
                : {}),
            },
            clusters: input.clusters?.map(clusterName),
          }),
      });
    },
  });
}
