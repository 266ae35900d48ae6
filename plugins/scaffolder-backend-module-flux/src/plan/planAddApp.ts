import { diffModels, emptyDiff, loadMonorepo } from '@flux-portal/flux-engine';
import { FileTree } from '@flux-portal/kustomize';
import { monorepoToEntities } from '@flux-portal/plugin-catalog-backend-module-flux';
import {
  AppSpec,
  addToKustomizationResources,
  renderAppFiles,
} from '../scaffold';
import { connectionsFromDependsOn } from './connectionsFromDependsOn';
import { describeFiles, nameProblem, readText } from './buildChange';
import { validateRender } from './validateRender';
import type { AddAppInput, MonorepoChange } from './types';

const APPS_REGISTRATION = 'apps/kustomization.yaml';

/** Base replicas of a service; the cluster patch sets the real count. */
const BASE_REPLICAS = 1;
const DEFAULT_PATCHED_REPLICAS = 2;

function nextRedisDb(envValues: string[]): number {
  const used = envValues
    .map(v => /^redis:\/\/.*\/(\d+)$/.exec(v)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  return used.length ? Math.max(...used) + 1 : 0;
}

function systemName(system: string | undefined): string {
  if (!system) return 'business-services';
  return system.slice(system.lastIndexOf('/') + 1).replace(/^system:/, '');
}

/**
 * Computes the change that adds a business service under `apps/<name>/` and
 * registers it, then renders the changed monorepo to prove the service's
 * Deployment is applied by the `apps` Kustomization of every target cluster.
 * Pure with respect to the tree: reads it, writes nothing.
 * @public
 */
export async function planAddApp(
  tree: FileTree,
  input: AddAppInput,
): Promise<MonorepoChange> {
  const problems: string[] = [];
  const entityRef = `component:default/${input.name}`;
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

  const bad = nameProblem('Service', input.name);
  if (bad) problems.push(bad);
  else if (await tree.stat(`apps/${input.name}`)) {
    problems.push(`apps/${input.name} already exists`);
  }
  const registration = await readText(tree, APPS_REGISTRATION);
  if (registration === undefined) {
    problems.push(
      `${APPS_REGISTRATION} is missing: not a Flux monorepo of the expected layout`,
    );
  }
  if (problems.length) return fail();

  const before = await loadMonorepo(tree);
  const clusters = input.clusters?.length
    ? input.clusters
    : before.entries.map(e => e.cluster);
  const knownClusters = new Set(before.entries.map(e => e.cluster));
  for (const c of clusters) {
    if (!knownClusters.has(c))
      problems.push(`cluster "${c}" is not in clusters/`);
  }

  const { entities } = monorepoToEntities(before);
  const known = new Set(
    entities.map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`),
  );
  const redisUrls = before.objects.flatMap(
    o => JSON.stringify(o.object).match(/redis:\/\/[^"]*\/\d+/g) ?? [],
  );
  const { connections, problems: wiring } = connectionsFromDependsOn(
    input.name,
    input.dependsOn ?? [],
    known,
    nextRedisDb(redisUrls),
  );
  problems.push(...wiring);

  const spec: AppSpec = {
    name: input.name,
    partOf: systemName(input.system),
    component: input.component ?? 'backend',
    owner: input.owner,
    description: input.description,
    image: input.image,
    port: input.port ?? 8080,
    replicas: BASE_REPLICAS,
    patchedReplicas: input.replicas ?? DEFAULT_PATCHED_REPLICAS,
    istioInjection: input.istioInjection,
    connections,
  };
  let files: Record<string, string> = {};
  try {
    files = renderAppFiles(spec);
    files[APPS_REGISTRATION] = addToKustomizationResources(
      registration!,
      input.name,
      APPS_REGISTRATION,
    );
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length) return fail();

  const check = await validateRender(
    tree,
    before,
    files,
    `apps/${input.name}`,
    [
      {
        kind: 'Deployment',
        name: input.name,
        namespace: input.name,
        appliedFrom: 'apps',
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
