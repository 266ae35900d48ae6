import type { createTemplateAction } from '@backstage/plugin-scaffolder-node';

// The zod instance the scaffolder passes to schema callbacks, taken from its
// own types so this package needs no zod dependency of its own.
type InputSchema = NonNullable<
  NonNullable<Parameters<typeof createTemplateAction>[0]['schema']>['input']
>;
type Z = Parameters<Extract<InputSchema, (z: any) => any>>[0];

/** Inputs every `flux:monorepo:*` action takes to find the repository. */
export const repoInputSchema = {
  repoUrl: (z: Z) =>
    z
      .string()
      .describe('Monorepo in repo-picker format: github.com?owner=o&repo=r'),
  targetBranch: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Branch the change goes to; default the repository's default branch",
      ),
  sourcePath: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Dry runs only: checkout of the monorepo inside the task workspace; read from repoUrl when absent. Real runs always read the target branch head from the forge',
      ),
};

/** Outputs every `flux:monorepo:*` action gives. */
export const changeOutputSchema = {
  entityRef: (z: Z) =>
    z.string().describe('Entity the catalog shows after merge'),
  branch: (z: Z) => z.string().describe('Branch of the change'),
  diff: (z: Z) => z.string().describe('Unified diff of the change'),
  files: (z: Z) => z.array(z.string()).describe('Created and modified files'),
  rendered: (z: Z) =>
    z
      .array(z.record(z.string(), z.unknown()))
      .describe('Objects the engine renders from the new folder'),
  targetBranch: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Branch the pull request targets (real runs)'),
  pullRequestUrl: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'URL of the pull request (GitHub) or merge request (GitLab); real runs',
      ),
  pullRequestNumber: (z: Z) =>
    z
      .number()
      .optional()
      .describe(
        'Number of the pull request, iid of the merge request; real runs',
      ),
};
