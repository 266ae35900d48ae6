/**
 * Scaffolder actions that add a service, an infrastructure component or a
 * cluster to a FluxCD monorepo.
 *
 * @packageDocumentation
 */
export { scaffolderModuleFluxMonorepo as default } from './module';
export { createAddAppAction, ADD_APP_ACTION_ID } from './actions/addApp';
export { createAddInfraAction, ADD_INFRA_ACTION_ID } from './actions/addInfra';
export {
  createAddClusterAction,
  ADD_CLUSTER_ACTION_ID,
} from './actions/addCluster';
export { planAddApp } from './plan/planAddApp';
export type { AddAppInput, MonorepoChange } from './plan/types';
export { planAddCluster, bootstrapCommand } from './plan/planAddCluster';
export type { AddClusterInput } from './plan/planAddCluster';
export { planAddInfra } from './plan/planAddInfra';
export type { AddInfraInput } from './plan/planAddInfra';
export { createForgeFactory } from './forge/createForgeClient';
export type { ForgeFactory } from './forge/createForgeClient';
export type { GitServerConfig, PlainGitRepository } from './forge/plainGit';
export type { ForgeHttpOptions } from './forge/forgeHttp';
export type {
  ForgeClient,
  GitRepository,
  BranchHead,
  CommitSpec,
  PullRequest,
  PullRequestSpec,
} from './forge/types';
export type { RepoAccess } from './actions/runPlan';
// Pure generators of monorepo files (the example monorepo is made with them).
export * from './scaffold';
