import { diffModels, emptyDiff, loadMonorepo } from '@flux-portal/flux-engine';
import { FileTree } from '@flux-portal/kustomize';
import { renderClusterFiles } from '../scaffold';
import { overlayProblems, renderedCheck } from './validateRender';
import { describeFiles, nameProblem, readText } from './buildChange';
import type { MonorepoChange } from './types';

/** Inputs of `flux:monorepo:add-cluster`. @public */
export interface AddClusterInput {
  name: string;
  /** URL Flux pulls the monorepo from, e.g. `ssh://git@github.com/org/repo`. */
  gitUrl: string;
  branch: string;
  /** Existing cluster whose HelmRepositories the new one starts with; default the first. */
  helmRepositoriesFrom?: string;
}

/** The `flux bootstrap` command for the PR description. @public */
export function bootstrapCommand(input: AddClusterInput): string {
  const m = /github\.com[/:]([^/]+)\/([^/.]+)/.exec(input.gitUrl);
  const provider = m
    ? `github --owner=${m[1]} --repository=${m[2]}`
    : `git --url=${input.gitUrl}`;
  return `flux bootstrap ${provider} --branch=${input.branch} --path=clusters/${input.name}`;
}

/**
 * Computes `clusters/<name>/` (entry Kustomizations, Flux sync, HelmRepositories
 * copied from an existing cluster so the shared infrastructure resolves its
 * charts) and checks by rendering that the new cluster gets the `apps`
 * Kustomization depending on `infrastructure`, with the same workloads and
 * HelmReleases as the cluster it copies.
 * @public
 */
export async function planAddCluster(
  tree: FileTree,
  input: AddClusterInput,
): Promise<MonorepoChange & { bootstrap: string }> {
  const problems: string[] = [];
  const entityRef = `resource:default/${input.name}`;
  const bootstrap = bootstrapCommand(input);
  const empty = {
    files: {},
    created: [],
    modified: [],
    diff: '',
    entityRef,
    rendered: [],
    renderedDiff: emptyDiff(),
    bootstrap,
  };
  const bad = nameProblem('Cluster', input.name);
  if (bad) problems.push(bad);
  else if (await tree.stat(`clusters/${input.name}`)) {
    problems.push(`clusters/${input.name} already exists`);
  }
  if (problems.length) return { ...empty, problems };

  const before = await loadMonorepo(tree);
  const from = input.helmRepositoriesFrom ?? before.entries[0]?.cluster;
  const repositories = from
    ? await readText(tree, `clusters/${from}/helm-repositories.yaml`)
    : undefined;
  if (repositories === undefined) {
    return {
      ...empty,
      problems: [
        `no clusters/${
          from ?? '<cluster>'
        }/helm-repositories.yaml to start from`,
      ],
    };
  }
  const files = renderClusterFiles({ ...input, helmRepositories: [] });
  files[`clusters/${input.name}/helm-repositories.yaml`] = repositories;

  const { after, problems: introduced } = await overlayProblems(
    tree,
    before,
    files,
  );
  problems.push(...introduced);
  const checks = introduced.length ? [] : [renderedCheck(after)];
  const apps = after.kustomizations.find(
    k => k.cluster === input.name && k.name === 'apps',
  );
  if (!apps?.dependsOn.some(d => d.name === 'infrastructure')) {
    problems.push(
      `cluster "${input.name}": no apps Kustomization depending on infrastructure`,
    );
  } else {
    checks.push(
      `cluster "${input.name}": its apps Kustomization depends on infrastructure`,
    );
  }
  const releases = (cluster: string) =>
    after.helmReleases
      .filter(h => h.cluster === cluster)
      .map(h => `${h.namespace}/${h.name}`)
      .sort();
  if (releases(input.name).join() !== releases(from!).join()) {
    problems.push(
      `cluster "${input.name}" does not render the HelmReleases of "${from}"`,
    );
  } else {
    checks.push(
      `cluster "${input.name}" renders the ${
        releases(from!).length
      } HelmReleases of "${from}"`,
    );
  }
  return {
    files,
    ...(await describeFiles(tree, files)),
    entityRef,
    bootstrap,
    rendered: after.objects
      .filter(o => o.provenance.file.startsWith(`clusters/${input.name}/`))
      .map(o => o.object),
    renderedDiff: diffModels(before, after),
    problems,
    checks,
  };
}
