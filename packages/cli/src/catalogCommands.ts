/**
 * What `flux-portal entities` and `flux-portal graph` print, from the
 * entities the catalog module would ingest.
 */
import { stringify } from 'yaml';
import type { EngineProblem } from '@flux-portal/kustomize';
import {
  entityGraph,
  graphToDot,
  graphToMermaid,
} from '@flux-portal/plugin-catalog-backend-module-flux';
import type { CatalogEntity } from '@flux-portal/plugin-catalog-backend-module-flux';
import type { CommandOutput } from './commands';

export type EntitiesFormat = 'yaml' | 'json';
export type GraphFormat = 'json' | 'mermaid' | 'dot';

/** Problems go to stderr as a count: the entities are still complete output. */
function problemsNote(problems: EngineProblem[]): string {
  if (!problems.length) return '';
  const errors = problems.filter(p => p.severity === 'error').length;
  return `${errors} error(s), ${
    problems.length - errors
  } warning(s) while loading; see flux-portal validate\n`;
}

export function printEntities(
  entities: CatalogEntity[],
  problems: EngineProblem[],
  format: EntitiesFormat,
): CommandOutput {
  const stdout =
    format === 'json'
      ? `${JSON.stringify(entities, null, 2)}\n`
      : entities.map(e => `---\n${stringify(e)}`).join('');
  return { stdout, stderr: problemsNote(problems), code: 0 };
}

export function printGraph(
  entities: CatalogEntity[],
  problems: EngineProblem[],
  format: GraphFormat,
  includeClusters: boolean,
): CommandOutput {
  // Every entity depends on its cluster; drawn, those edges hide the rest.
  const graph = entityGraph(entities, {
    includeClusters: format === 'json' || includeClusters,
  });
  let stdout: string;
  if (format === 'mermaid') stdout = graphToMermaid(graph);
  else if (format === 'dot') stdout = graphToDot(graph);
  else stdout = `${JSON.stringify(graph, null, 2)}\n`;
  return { stdout, stderr: problemsNote(problems), code: 0 };
}
