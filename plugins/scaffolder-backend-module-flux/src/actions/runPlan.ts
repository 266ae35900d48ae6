import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, NotImplementedError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { FileTree } from '@flux-portal/plugin-flux-node';
import type { MonorepoChange } from '../plan/types';
import { readRepoTree } from './readRepoTree';

/** What the actions share: where the repository is and how to read it. */
export interface RepoAccess {
  integrations: ScmIntegrationRegistry;
  reader: UrlReaderService;
}

interface PlanContext {
  workspacePath: string;
  isDryRun?: boolean;
  input: { repoUrl: string; targetBranch?: string; sourcePath?: string };
  logger: { info(message: string): void };
  output(name: string, value: any): void;
}

/**
 * Reads the monorepo, computes the change, refuses it with every reason when
 * it is invalid, and outputs the entity ref, branch, diff, files and rendered
 * objects. Opening the pull request is the remaining step of issue 6.
 */
export async function runPlan(
  ctx: PlanContext,
  access: RepoAccess,
  what: string,
  branch: string,
  plan: (tree: FileTree) => Promise<MonorepoChange>,
): Promise<MonorepoChange> {
  const tree = await readRepoTree({
    workspacePath: ctx.workspacePath,
    sourcePath: ctx.input.sourcePath,
    repoUrl: ctx.input.repoUrl,
    branch: ctx.input.targetBranch,
    ...access,
  });
  const change = await plan(tree);
  if (change.problems.length) {
    throw new InputError(
      `Refusing to add ${what}, nothing was pushed:\n- ${change.problems.join('\n- ')}`,
    );
  }
  ctx.logger.info(
    `${what}: ${change.created.length} new files, ${change.modified.length} edited; renders ${change.rendered.length} objects`,
  );
  ctx.output('entityRef', change.entityRef);
  ctx.output('branch', branch);
  ctx.output('diff', change.diff);
  ctx.output('files', [...change.created, ...change.modified]);
  ctx.output('rendered', change.rendered);
  if (!ctx.isDryRun) {
    // TODO(issue 6): open the pull/merge request through the forge clients.
    throw new NotImplementedError(
      `${what}: the change is valid, but opening the pull request is not implemented yet; nothing was pushed`,
    );
  }
  return change;
}
