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
      .describe(
        'Monorepo in repo-picker format (github.com?owner=o&repo=r; a host of scaffolder.fluxMonorepo.gitServers for plain git) or the full URL of a repository on such a git server',
      ),
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
  push: (z: Z) =>
    z
      .boolean()
      .optional()
      .describe(
        'false: a preview — compute and check the change on the target branch head and output the planned files, checks and rendered diff, pushing nothing. Default true',
      ),
};

/** Outputs every `flux:monorepo:*` action gives. */
export const changeOutputSchema = {
  entityRef: (z: Z) =>
    z.string().describe('Entity the catalog shows after merge'),
  branch: (z: Z) => z.string().describe('Branch of the change'),
  diff: (z: Z) => z.string().describe('Unified diff of the change'),
  files: (z: Z) => z.array(z.string()).describe('Created and modified files'),
  checks: (z: Z) =>
    z.array(z.string()).describe('The checks the change passed, one line each'),
  preview: (z: Z) =>
    z
      .string()
      .describe(
        'Markdown: the planned files, the checks that passed and the rendered objects diff',
      ),
  renderedDiff: (z: Z) =>
    z
      .string()
      .describe(
        'What the change does to the rendered monorepo per Flux Kustomization and HelmRelease (flux-portal diff)',
      ),
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
  commitSha: (z: Z) =>
    z.string().optional().describe('The pushed commit (real runs)'),
  gitUrl: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'Plain git: the repository the branch was pushed to (no pull request there)',
      ),
  summary: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Markdown: what was pushed and where to review it (real runs)'),
  pullRequestNumber: (z: Z) =>
    z
      .number()
      .optional()
      .describe(
        'Number of the pull request, iid of the merge request; real runs',
      ),
};
