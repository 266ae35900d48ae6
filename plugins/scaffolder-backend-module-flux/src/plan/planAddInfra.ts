import { parseAllDocuments } from 'yaml';
import { diffModels, emptyDiff, loadMonorepo } from '@flux-portal/flux-engine';
import { FileTree } from '@flux-portal/kustomize';
import {
  HelmRepositorySpec,
  InfraComponentSpec,
  addToKustomizationResources,
  renderClusterFiles,
  renderInfraComponentFiles,
} from '../scaffold';
import { describeFiles, nameProblem, readText } from './buildChange';
import { validateRender } from './validateRender';
import type { MonorepoChange } from './types';

const INFRA_REGISTRATION = 'infrastructure/kustomization.yaml';

/** Inputs of `flux:monorepo:add-infra`: the component and its chart repository. @public */
export interface AddInfraInput {
  component: Omit<InfraComponentSpec, 'repository'>;
  repository: HelmRepositorySpec;
  /** Clusters where the HelmRelease must render; default all. */
  clusters?: string[];
}

function hasHelmRepository(text: string, name: string): boolean {
  return parseAllDocuments(text).some(doc => {
    const obj = 'toJS' in doc ? doc.toJS() : undefined;
    return obj?.kind === 'HelmRepository' && obj?.metadata?.name === name;
  });
}

/** One HelmRepository document in the layout of the cluster generator. */
function helmRepositoryText(repo: HelmRepositorySpec): string {
  return renderClusterFiles({
    name: 'x',
    gitUrl: '',
    branch: '',
    helmRepositories: [repo],
  })['clusters/x/helm-repositories.yaml'];
}

/**
 * Computes `infrastructure/<name>/` for a HelmRelease component, its
 * registration, and the HelmRepository appended to each target cluster's
 * `helm-repositories.yaml` that lacks it; then renders to prove the
 * HelmRelease is applied by the `infrastructure` Kustomization everywhere.
 * @public
 */
export async function planAddInfra(
  tree: FileTree,
  input: AddInfraInput,
): Promise<MonorepoChange> {
  const { name } = input.component;
  const problems: string[] = [];
  const entityRef = `resource:default/${name}`;
  const fail = () => ({
    files: {},
    created: [],
    modified: [],
    diff: '',
    entityRef,
    rendered: [],
    renderedDiff: emptyDiff(),
    problems,
  });
  const bad = nameProblem('Component', name);
  if (bad) problems.push(bad);
  else if (await tree.stat(`infrastructure/${name}`))
    problems.push(`infrastructure/${name} already exists`);
  const registration = await readText(tree, INFRA_REGISTRATION);
  if (registration === undefined)
    problems.push(`${INFRA_REGISTRATION} is missing`);
  if (problems.length) return fail();

  const before = await loadMonorepo(tree);
  const clusters = input.clusters?.length
    ? input.clusters
    : before.entries.map(e => e.cluster);
  let files: Record<string, string> = {};
  try {
    files = renderInfraComponentFiles({
      ...input.component,
      repository: input.repository.name,
    });
    files[INFRA_REGISTRATION] = addToKustomizationResources(
      registration!,
      name,
      INFRA_REGISTRATION,
    );
    for (const cluster of clusters) {
      const file = `clusters/${cluster}/helm-repositories.yaml`;
      const text = await readText(tree, file);
      if (text === undefined) {
        problems.push(`${file} is missing`);
      } else if (!hasHelmRepository(text, input.repository.name)) {
        const sep = text === '' || text.endsWith('\n') ? '' : '\n';
        files[file] = `${text}${sep}${helmRepositoryText(input.repository)}`;
      }
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length) return fail();

  const check = await validateRender(
    tree,
    before,
    files,
    `infrastructure/${name}`,
    [
      {
        kind: 'HelmRelease',
        name,
        namespace: input.component.namespace,
        appliedFrom: 'infrastructure',
        clusters,
      },
    ],
  );
  return {
    files,
    ...(await describeFiles(tree, files)),
    entityRef,
    rendered: check.rendered,
    renderedDiff: diffModels(before, check.after),
    problems: check.problems,
    checks: check.checks,
  };
}
