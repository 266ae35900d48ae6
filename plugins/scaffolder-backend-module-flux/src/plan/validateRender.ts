import {
  MonorepoModel,
  ModelObject,
  loadMonorepo,
} from '@flux-portal/flux-engine';
import { EngineProblem, FileTree } from '@flux-portal/kustomize';
import { overlayTree } from './overlayTree';

/** What must show up in the rendered monorepo once the change is applied. */
export interface ExpectedObject {
  kind: string;
  name: string;
  namespace: string;
  /** Folder of the Flux Kustomization that must apply it, e.g. `apps`. */
  appliedFrom: string;
  clusters: string[];
}

export interface RenderCheck {
  problems: string[];
  /** The checks that passed, one line each. */
  checks: string[];
  /** the monorepo rendered with the change applied */
  after: MonorepoModel;
  /** Objects rendered from files under `folder`, first target cluster. */
  rendered: ModelObject['object'][];
}

const problemKey = (p: EngineProblem) => `${p.code}|${p.file}|${p.message}`;
const stripDot = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');

/** The passed check of `overlayProblems`, as shown in previews. */
export function renderedCheck(after: MonorepoModel): string {
  return `the monorepo renders with the change in every cluster (${after.kustomizations.length} Flux Kustomizations, ${after.objects.length} objects) with no new problem`;
}

/** Loads the monorepo with `files` applied; lists only the problems they introduce. */
export async function overlayProblems(
  base: FileTree,
  before: MonorepoModel,
  files: Record<string, string>,
): Promise<{ after: MonorepoModel; problems: string[] }> {
  const after = await loadMonorepo(overlayTree(base, files));
  const known = new Set(before.problems.map(problemKey));
  const problems = after.problems
    .filter(p => !known.has(problemKey(p)))
    .map(p => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return { after, problems };
}

/**
 * Renders the monorepo with `files` applied and reports why the change must
 * not be pushed: problems the change introduces (pre-existing ones are not
 * the author's fault) and expected objects missing from a target cluster.
 */
export async function validateRender(
  base: FileTree,
  before: MonorepoModel,
  files: Record<string, string>,
  folder: string,
  expected: ExpectedObject[],
): Promise<RenderCheck> {
  const { after, problems } = await overlayProblems(base, before, files);
  const checks = problems.length ? [] : [renderedCheck(after)];
  for (const e of expected) {
    for (const cluster of e.clusters) {
      const applying = new Set(
        after.kustomizations
          .filter(
            k => k.cluster === cluster && stripDot(k.path) === e.appliedFrom,
          )
          .map(k => `${k.namespace}/${k.name}`),
      );
      const found = after.objects.some(
        o =>
          o.cluster === cluster &&
          o.object.kind === e.kind &&
          o.object.metadata?.name === e.name &&
          (o.object.metadata?.namespace ?? '') === e.namespace &&
          o.provenance.kustomization !== null &&
          applying.has(o.provenance.kustomization),
      );
      const what = `cluster "${cluster}": ${e.kind} ${e.namespace}/${e.name}`;
      if (found) {
        checks.push(
          `${what} renders from ./${e.appliedFrom}, applied by ${[
            ...applying,
          ].join(', ')}`,
        );
      } else {
        problems.push(`${what} does not render from ./${e.appliedFrom}`);
      }
    }
  }
  const firstCluster = expected[0]?.clusters[0];
  const rendered = after.objects
    .filter(
      o =>
        o.provenance.file.startsWith(`${folder}/`) &&
        (firstCluster === undefined || o.cluster === firstCluster),
    )
    .map(o => o.object);
  return { problems, checks, after, rendered };
}
