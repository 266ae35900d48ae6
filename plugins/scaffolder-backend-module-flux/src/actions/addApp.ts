import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { planAddApp } from '../plan/planAddApp';
import { clusterName } from './clusterName';
import { RepoAccess, runPlan } from './runPlan';
import { changeOutputSchema, repoInputSchema } from './sharedSchema';

/** @public */
export const ADD_APP_ACTION_ID = 'flux:monorepo:add-app';

/**
 * `flux:monorepo:add-app`: adds a business service to a Flux monorepo.
 * Dry run returns the diff and the objects the engine renders for it.
 * @public
 */
export function createAddAppAction(options: RepoAccess) {
  return createTemplateAction({
    id: ADD_APP_ACTION_ID,
    description:
      'Adds a business service under apps/<name>/ of a Flux monorepo and registers it in apps/kustomization.yaml, after proving it renders in every target cluster',
    supportsDryRun: true,
    examples: [
      {
        description:
          'Add a service using PostgreSQL and calling another service',
        example: [
          'steps:',
          '  - id: add',
          `    action: ${ADD_APP_ACTION_ID}`,
          '    input:',
          '      repoUrl: github.com?owner=example-org&repo=flux-monorepo',
          '      name: invoices',
          '      owner: group:default/team-documents',
          '      system: system:default/business-services',
          '      description: Invoices of construction contracts',
          '      image: cr.example/invoices:1.0.0',
          '      dependsOn: [resource:default/postgresql, component:default/contracts]',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        ...repoInputSchema,
        name: z =>
          z
            .string()
            .describe(
              'Service, namespace and folder name: DNS-1123 label, at most 63 characters',
            ),
        owner: z =>
          z
            .string()
            .describe('Owner entity ref, e.g. group:default/team-documents'),
        system: z =>
          z
            .string()
            .optional()
            .describe('System entity ref; default business-services'),
        description: z => z.string().describe('One line shown in the catalog'),
        image: z => z.string().describe('Container image with tag'),
        port: z =>
          z
            .number()
            .int()
            .min(1)
            .max(65535)
            .optional()
            .describe('Container port; default 8080'),
        replicas: z =>
          z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Replicas in the clusters; default 2'),
        dependsOn: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Entity refs the service uses: components (REST) and resources (postgresql, redis, s3-proxy, vault, keycloak, zitadel, camunda)',
            ),
        clusters: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Clusters (names or Resource entity refs) where the service must render; default all',
            ),
      },
      output: {
        ...changeOutputSchema,
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      await runPlan(ctx, options, {
        what: `service "${input.name}"`,
        branch: `flux-portal/add-app-${input.name}`,
        mayWrite: path =>
          path.startsWith(`apps/${input.name}/`) ||
          path === 'apps/kustomization.yaml',
        plan: tree =>
          planAddApp(tree, {
            ...input,
            clusters: input.clusters?.map(clusterName),
          }),
      });
    },
  });
}
