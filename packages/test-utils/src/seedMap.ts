/**
 * The seed README's mermaid map (infrastructure and service routes of the
 * example platform) as data: nodes with their group and monorepo folder,
 * arrows with their label and connection category. Parsed from the text so
 * the committed copy of the seed stays the single source.
 */

/** The map's subgraphs, named as the `app.kubernetes.io/part-of` groups. @public */
export type SeedGroup =
  | 'external'
  | 'gitops'
  | 'edge'
  | 'platform'
  | 'identity'
  | 'data'
  | 'messaging'
  | 'bpm'
  | 'business-services';

/** app: `apps/<folder>`; infra: `infrastructure/<folder>`. @public */
export type SeedNodeKind = 'app' | 'infra' | 'flux' | 'external';

/** @public */
export interface SeedNode {
  /** Mermaid node id, e.g. `PG`. */
  id: string;
  /** First line of the node text, e.g. `PostgreSQL`. */
  label: string;
  group: SeedGroup;
  kind: SeedNodeKind;
  /** Folder name under apps/ or infrastructure/; undefined for flux/external. */
  folder?: string;
  /** 1-based line in the README. */
  line: number;
}

/** How an arrow is carried in the monorepo (see the example README). @public */
export type SeedArrowCategory =
  | 'jdbc'
  | 'cache'
  | 's3'
  | 'kafka'
  | 'rabbitmq'
  | 'vault'
  | 'oidc'
  | 'envoy'
  | 'pvc'
  | 'rest'
  | 'route'
  | 'other';

/** @public */
export interface SeedArrow {
  from: string;
  /** A node id, or a subgraph id such as `EDGE` for group-wide arrows. */
  to: string;
  /** Label text with mermaid quotes removed, '' when unlabelled. */
  label: string;
  /** The mermaid link operator, e.g. `-->`, `-.->`, `==>`, `---`. */
  style: string;
  category: SeedArrowCategory;
  line: number;
}

/** @public */
export interface SeedMap {
  nodes: SeedNode[];
  arrows: SeedArrow[];
  /** Subgraph id → group, e.g. `MSG` → `messaging`. */
  subgraphs: Record<string, SeedGroup>;
}

// Subgraph ids of the seed → part-of group names used in the monorepo.
const SUBGRAPH_GROUPS: Record<string, SeedGroup> = {
  GITOPS: 'gitops',
  EDGE: 'edge',
  PLATFORM: 'platform',
  IDENTITY: 'identity',
  DATA: 'data',
  MSG: 'messaging',
  BPM: 'bpm',
  APPS: 'business-services',
};

/** Seed node id → `infrastructure/<folder>` of the example monorepo. @public */
export const INFRA_FOLDERS: Record<string, string> = {
  Base: 'istio-base',
  Pilot: 'istiod',
  Gateway: 'istio-ingressgateway',
  Cert: 'cert-manager',
  IssuerProd: 'letsencrypt-prod',
  IssuerIstio: 'letsencrypt-istio',
  Dashboard: 'kubernetes-dashboard',
  LPP: 'local-path-provisioner',
  Vault: 'vault',
  S3Proxy: 's3-proxy',
  Zitadel: 'zitadel',
  Keycloak: 'keycloak',
  OpenLDAP: 'openldap',
  PG: 'postgresql',
  Redis: 'redis',
  MinIO: 'minio',
  Kafka: 'kafka',
  ZK: 'zookeeper',
  RMQ: 'rabbitmq',
  Camunda: 'camunda',
  Operate: 'camunda-operate',
};

// id, opening bracket, text, closing bracket, class.
const NODE =
  /^([A-Za-z][A-Za-z0-9_]*)\s*(\(\[|\[\(|\[\[|\[|\(\(|\()(.*)(\]\)|\)\]|\]\]|\]|\)\)|\))\s*:::\s*([A-Za-z0-9_-]+)\s*$/;
const SUBGRAPH = /^subgraph\s+([A-Za-z0-9_]+)/;
// from, link (operator with an optional inline or piped label), to.
const ARROW = /^([A-Za-z][A-Za-z0-9_]*)\s+(.+?)\s+([A-Za-z][A-Za-z0-9_]*)$/;
const OPERATOR = /^(-->|---|==>|-\.->|--|-\.|==)/;

function cleanLabel(text: string): string {
  return text
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
}

function parseLink(link: string): { style: string; label: string } | undefined {
  const piped = /^(-->|---|==>|-\.->)\|(.*)\|$/.exec(link);
  if (piped) return { style: piped[1], label: cleanLabel(piped[2]) };
  if (/^(-->|---|==>|-\.->)$/.test(link)) return { style: link, label: '' };
  // Inline labels: `-- "text" -->`, `-. text .->`, `== text ==>`.
  const inline = /^(--|-\.|==)\s+(.*?)\s+(-->|---|\.->|==>)$/.exec(link);
  if (inline) {
    const style = inline[3] === '.->' ? '-.->' : inline[3];
    return { style, label: cleanLabel(inline[2]) };
  }
  return undefined;
}

function firstLine(text: string): string {
  return cleanLabel(text)
    .split(/<br\s*\/?>/i)[0]
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .trim();
}

function categorize(
  from: SeedNode | undefined,
  to: SeedNode | undefined,
  label: string,
  style: string,
): SeedArrowCategory {
  if (!from || !to) return 'other';
  const l = label.toLowerCase();
  if (from.id === 'Gateway' && (to.kind === 'app' || to.kind === 'infra')) {
    return 'route';
  }
  if (l === 'pvc') return 'pvc';
  if (l === 'envoy') return 'envoy';
  if (to.id === 'PG') return 'jdbc';
  if (to.id === 'Redis') return 'cache';
  if (to.id === 'S3Proxy' || (from.id === 'S3Proxy' && to.id === 'MinIO'))
    return 's3';
  if (to.id === 'Kafka' && style !== '---') return 'kafka';
  if (to.id === 'RMQ') return 'rabbitmq';
  if (to.id === 'Vault') return 'vault';
  if ((to.id === 'Keycloak' || to.id === 'Zitadel') && /oidc|jwt/.test(l)) {
    return 'oidc';
  }
  const serviceLike = (n: SeedNode) => n.kind === 'app' || n.group === 'bpm';
  if (serviceLike(from) && serviceLike(to) && style !== '---') return 'rest';
  return 'other';
}

/**
 * Parses the first mermaid block of a README into the map's nodes and
 * arrows. Throws naming the line for a line inside the block that is
 * neither a node, an arrow nor layout (subgraph, style, comment…).
 */
export function parseSeedMap(
  markdown: string,
  fileName = 'README.md',
): SeedMap {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex(l => l.trim() === '```mermaid');
  if (start === -1) throw new Error(`${fileName}: no \`\`\`mermaid block`);
  const nodes: SeedNode[] = [];
  const byId = new Map<string, SeedNode>();
  const pending: Array<Omit<SeedArrow, 'category'>> = [];
  const subgraphs: Record<string, SeedGroup> = {};
  let group: SeedGroup = 'external';

  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i].trim();
    const line = i + 1;
    if (text === '```') break;
    if (
      text === '' ||
      text.startsWith('%%') ||
      /^(flowchart|graph|direction|classDef|style|linkStyle|class)\b/.test(text)
    ) {
      continue;
    }
    const sub = SUBGRAPH.exec(text);
    if (sub) {
      const g = SUBGRAPH_GROUPS[sub[1]];
      if (!g)
        throw new Error(`${fileName}:${line}: unknown subgraph "${sub[1]}"`);
      subgraphs[sub[1]] = g;
      group = g;
      continue;
    }
    if (text === 'end') {
      group = 'external';
      continue;
    }
    const node = NODE.exec(text);
    if (node) {
      const [, id, , body, , cls] = node;
      const label = firstLine(body);
      let kind: SeedNodeKind;
      let folder: string | undefined;
      if (cls === 'ext') kind = 'external';
      else if (cls === 'flux') kind = 'flux';
      else if (group === 'business-services') {
        kind = 'app';
        folder = label.replace(/^ns:\s*/, '');
      } else {
        kind = 'infra';
        folder = INFRA_FOLDERS[id];
        if (!folder) {
          throw new Error(
            `${fileName}:${line}: no infrastructure folder known for node "${id}"`,
          );
        }
      }
      const parsed: SeedNode = { id, label, group, kind, folder, line };
      if (byId.has(id))
        throw new Error(`${fileName}:${line}: node "${id}" defined twice`);
      byId.set(id, parsed);
      nodes.push(parsed);
      continue;
    }
    const arrow = ARROW.exec(text);
    const link =
      arrow && OPERATOR.test(arrow[2]) ? parseLink(arrow[2]) : undefined;
    if (arrow && link) {
      pending.push({ from: arrow[1], to: arrow[3], line, ...link });
      continue;
    }
    throw new Error(`${fileName}:${line}: cannot read mermaid line "${text}"`);
  }

  const arrows = pending.map(a => {
    for (const end of [a.from, a.to]) {
      if (!byId.has(end) && !subgraphs[end]) {
        throw new Error(
          `${fileName}:${a.line}: arrow refers to unknown node "${end}"`,
        );
      }
    }
    return {
      ...a,
      category: categorize(byId.get(a.from), byId.get(a.to), a.label, a.style),
    };
  });
  return { nodes, arrows, subgraphs };
}

/** One end of a {@link SeedEdge}: a folder of the monorepo. @public */
export interface SeedEndpoint {
  kind: 'app' | 'infra';
  /** Folder under `apps/` (kind app) or `infrastructure/` (kind infra). */
  folder: string;
}

/** An arrow between two monorepo folders, as a catalog should infer it. @public */
export interface SeedEdge {
  from: SeedEndpoint;
  to: SeedEndpoint;
  category: SeedArrowCategory;
  label: string;
  line: number;
}

/**
 * The map's arrows between components and services, by folder: the
 * dependency graph a tool reading the monorepo is expected to find. Arrows
 * from or to external actors, Flux controllers or whole groups are left out.
 */
export function seedEdges(map: SeedMap): SeedEdge[] {
  const byId = new Map(map.nodes.map(n => [n.id, n]));
  const endpoint = (id: string): SeedEndpoint | undefined => {
    const node = byId.get(id);
    return node && (node.kind === 'app' || node.kind === 'infra') && node.folder
      ? { kind: node.kind, folder: node.folder }
      : undefined;
  };
  const edges: SeedEdge[] = [];
  for (const arrow of map.arrows) {
    const from = endpoint(arrow.from);
    const to = endpoint(arrow.to);
    if (from && to) {
      edges.push({
        from,
        to,
        category: arrow.category,
        label: arrow.label,
        line: arrow.line,
      });
    }
  }
  return edges;
}
