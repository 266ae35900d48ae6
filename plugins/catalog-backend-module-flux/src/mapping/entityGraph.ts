/**
 * The entity graph for `flux-portal graph`: JSON nodes and edges with entity
 * refs, a mermaid flowchart grouped by system (like the seed's hand-drawn
 * map, so a README diagram can be generated), and Graphviz dot.
 */
import { entityRef } from './entityRefs';
import type { CatalogEntity } from './types';

/** @public */
export interface GraphNode {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  type?: string;
  system?: string;
}

/** @public */
export type GraphEdgeType = 'dependsOn' | 'providesApi' | 'consumesApi';

/** @public */
export interface GraphEdge {
  from: string;
  to: string;
  type: GraphEdgeType;
}

/** @public */
export interface EntityGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : [];

/** @public */
export function entityGraph(
  entities: CatalogEntity[],
  options: { includeClusters?: boolean } = {},
): EntityGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const clusterRefs = new Set(
    entities.filter(e => e.spec.type === 'kubernetes-cluster').map(entityRef),
  );
  const keep = (ref: string) =>
    options.includeClusters !== false || !clusterRefs.has(ref);
  for (const e of entities) {
    const from = entityRef(e);
    if (e.kind === 'System' || !keep(from)) continue;
    nodes.push({
      ref: from,
      kind: e.kind,
      name: e.metadata.name,
      ...(e.metadata.title ? { title: e.metadata.title } : {}),
      ...(typeof e.spec.type === 'string' ? { type: e.spec.type } : {}),
      ...(typeof e.spec.system === 'string' ? { system: e.spec.system } : {}),
    });
    for (const to of list(e.spec.dependsOn))
      if (keep(to)) edges.push({ from, to, type: 'dependsOn' });
    for (const to of list(e.spec.providesApis))
      edges.push({ from, to, type: 'providesApi' });
    for (const to of list(e.spec.consumesApis))
      edges.push({ from, to, type: 'consumesApi' });
    // A producing Resource is recorded as the API's dependency; draw it as providing.
    for (const api of list(e.spec.dependencyOf))
      edges.push({ from, to: api, type: 'providesApi' });
  }
  return { nodes, edges };
}

const MERMAID_ARROWS: Record<GraphEdgeType, string> = {
  dependsOn: '-->',
  providesApi: '-- produces -->',
  consumesApi: '-. consumes .->',
};
const DOT_SHAPES: Record<string, string> = {
  API: 'parallelogram',
  Resource: 'cylinder',
};

const mermaidId = (ref: string) => ref.replace(/[^A-Za-z0-9]/g, '_');
const quote = (s: string) => s.replace(/"/g, '#quot;');

/** @public */
export function graphToMermaid(graph: EntityGraph): string {
  const lines = ['flowchart LR'];
  const bySystem = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const key = n.system ?? '';
    bySystem.set(key, [...(bySystem.get(key) ?? []), n]);
  }
  const label = (n: GraphNode) => {
    const text = quote(
      `${n.title ?? n.name}${n.type ? `<br/><small>${n.type}</small>` : ''}`,
    );
    if (n.kind === 'API') return `${mermaidId(n.ref)}[/"${text}"/]`;
    if (n.kind === 'Resource') return `${mermaidId(n.ref)}[("${text}")]`;
    return `${mermaidId(n.ref)}["${text}"]`;
  };
  for (const [system, nodes] of [...bySystem.entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  )) {
    if (system)
      lines.push(
        `  subgraph ${mermaidId(`system:${system}`)}["${quote(system)}"]`,
        '    direction TB',
      );
    for (const n of nodes) lines.push(`${system ? '    ' : '  '}${label(n)}`);
    if (system) lines.push('  end');
  }
  for (const e of graph.edges) {
    const arrow = MERMAID_ARROWS[e.type];
    lines.push(`  ${mermaidId(e.from)} ${arrow} ${mermaidId(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** @public */
export function graphToDot(graph: EntityGraph): string {
  const q = (s: string) => `"${s.replace(/"/g, '\\"')}"`;
  const lines = [
    'digraph flux_monorepo {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica"];',
  ];
  const bySystem = new Map<string, GraphNode[]>();
  for (const n of graph.nodes)
    bySystem.set(n.system ?? '', [...(bySystem.get(n.system ?? '') ?? []), n]);
  let i = 0;
  for (const [system, nodes] of bySystem) {
    const indent = system ? '    ' : '  ';
    if (system)
      lines.push(`  subgraph cluster_${i++} {`, `    label=${q(system)};`);
    for (const n of nodes) {
      const shape = DOT_SHAPES[n.kind] ?? 'box';
      lines.push(
        `${indent}${q(n.ref)} [label=${q(n.title ?? n.name)}, shape=${shape}];`,
      );
    }
    if (system) lines.push('  }');
  }
  for (const e of graph.edges) {
    const style =
      e.type === 'dependsOn'
        ? ''
        : ` [style=dashed, label=${q(
            e.type === 'providesApi' ? 'produces' : 'consumes',
          )}]`;
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${style};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
