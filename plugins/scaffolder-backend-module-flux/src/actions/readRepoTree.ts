import fs from 'node:fs';
import path from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  FileTree,
  createLocalTree,
  createMemoryTree,
} from '@flux-portal/plugin-flux-node';

/**
 * Browse URL of a repository at a branch, as Backstage's UrlReader expects
 * it; without a branch the reader resolves the default branch.
 */
export function repoTreeUrl(
  repoUrl: string,
  branch: string | undefined,
  integrations: ScmIntegrationRegistry,
): string {
  const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
  const type = integrations.byHost(host)?.type;
  if (!owner) throw new InputError(`repoUrl "${repoUrl}" names no owner`);
  const base = `https://${host}/${owner}/${repo}`;
  if (!branch) return base;
  if (type === 'gitlab') return `${base}/-/tree/${encodeURIComponent(branch)}`;
  if (type === 'github') return `${base}/tree/${encodeURIComponent(branch)}`;
  throw new InputError(
    `repoUrl host "${host}" is neither a GitHub nor a GitLab integration`,
  );
}

/**
 * The monorepo to change: a checkout at `sourcePath` inside the task
 * workspace when one is there (e.g. fetched by an earlier step), otherwise
 * the repository read through the UrlReader. Never reads outside the
 * workspace.
 */
export async function readRepoTree(options: {
  workspacePath: string;
  sourcePath?: string;
  repoUrl: string;
  branch?: string;
  integrations: ScmIntegrationRegistry;
  reader: UrlReaderService;
}): Promise<FileTree> {
  const local = path.resolve(options.workspacePath, options.sourcePath ?? '.');
  if (
    local !== options.workspacePath &&
    !local.startsWith(`${options.workspacePath}${path.sep}`)
  ) {
    throw new InputError(`sourcePath "${options.sourcePath}" leaves the workspace`);
  }
  if (fs.existsSync(path.join(local, 'clusters'))) return createLocalTree(local);
  const response = await options.reader.readTree(
    repoTreeUrl(options.repoUrl, options.branch, options.integrations),
  );
  const files: Record<string, Buffer> = {};
  for (const file of await response.files()) {
    files[file.path.replace(/^\/+/, '')] = await file.content();
  }
  return createMemoryTree(files);
}
