/**
 * `flux-portal entities` and `flux-portal graph`: spawns the real
 * bin/flux-portal on the example monorepo (the seed's shape) copied into a
 * temp folder with a `.git` entry, as a user's checkout would be.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { parseAllDocuments } from 'yaml';

const PACKAGE = nodePath.resolve(__dirname, '..');
const BIN = nodePath.join(PACKAGE, 'bin/flux-portal');
const EXAMPLE = nodePath.resolve(PACKAGE, '../../examples/flux-monorepo');

// each test spawns the CLI (TypeScript loaded through the node transform)
jest.setTimeout(60_000);

let work: string;
let repo: string;

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-catalog-'));
  repo = nodePath.join(work, 'flux-monorepo');
  cpSync(EXAMPLE, repo, { recursive: true });
  mkdirSync(nodePath.join(repo, '.git'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const kindCount = (entities: any[], kind: string) =>
  entities.filter(e => e.kind === kind).length;

describe('flux-portal entities', () => {
  it('prints the entities as YAML documents with local location annotations', () => {
    const r = run(['entities', '--path', '.']);
    expect(r.code).toBe(0);
    const docs = parseAllDocuments(r.stdout);
    const entities = (Array.isArray(docs) ? docs : []).map(d => d.toJS());
    expect(kindCount(entities, 'Component')).toBe(34);
    const clusters = entities.filter(
      e => e.kind === 'Resource' && e.spec.type === 'kubernetes-cluster',
    );
    expect(clusters.map(e => e.metadata.name)).toEqual(['contour']);
    const django = entities.find(
      e => e.kind === 'Component' && e.metadata.name === 'django',
    );
    expect(django.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${repo}`,
      'backstage.io/source-location': `dir:${repo}/apps/django`,
    });
    expect(django.spec.dependsOn).toContain('resource:default/postgresql');
  });

  it('prints the same entities as a JSON array, with URL locations for --target', () => {
    const yaml = parseAllDocuments(run(['entities', '--path', '.']).stdout);
    const r = run([
      'entities',
      '--path',
      'clusters/contour',
      '-o',
      'json',
      '--target',
      'https://github.com/acme/platform/tree/main',
      '--default-owner',
      'group:default/ops',
    ]);
    expect(r.code).toBe(0);
    const entities = JSON.parse(r.stdout);
    expect(entities.map((e: any) => `${e.kind}:${e.metadata.name}`)).toEqual(
      (Array.isArray(yaml) ? yaml : []).map(d => {
        const e = d.toJS();
        return `${e.kind}:${e.metadata.name}`;
      }),
    );
    const django = entities.find((e: any) => e.metadata.name === 'django');
    expect(django.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location':
        'url:https://github.com/acme/platform/tree/main',
      'backstage.io/source-location':
        'url:https://github.com/acme/platform/tree/main/apps/django/',
    });
  });

  it('ingests nothing for a cluster that is not there', () => {
    const r = run([
      'entities',
      '--path',
      '.',
      '--cluster',
      'nowhere',
      '-o',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(kindCount(JSON.parse(r.stdout), 'Component')).toBe(0);
  });
});

describe('flux-portal graph', () => {
  it('prints nodes and typed edges as JSON', () => {
    const r = run(['graph', '--path', '.', '-o', 'json']);
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout);
    expect(graph.edges).toContainEqual({
      from: 'component:default/django',
      to: 'resource:default/postgresql',
      type: 'dependsOn',
    });
    expect(graph.nodes).toContainEqual(
      expect.objectContaining({
        ref: 'component:default/django',
        kind: 'Component',
        name: 'django',
      }),
    );
    // every edge joins two printed nodes (APIs and Resources included)
    const refs = new Set(graph.nodes.map((n: any) => n.ref));
    for (const e of graph.edges) {
      expect(refs.has(e.from) && refs.has(e.to)).toBe(true);
    }
  });

  it('prints a mermaid flowchart with a subgraph per system, clusters only on request', () => {
    const json = JSON.parse(run(['graph', '--path', '.', '-o', 'json']).stdout);
    const systems = new Set(
      json.nodes.map((n: any) => n.system).filter(Boolean),
    );
    const r = run(['graph', '--path', '.', '-o', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    const subgraphs = r.stdout.match(/^\s*subgraph /gm) ?? [];
    expect(systems.size).toBeGreaterThan(1);
    expect(subgraphs).toHaveLength(systems.size);
    expect(r.stdout).toContain(
      'component_default_django --> resource_default_postgresql',
    );
    expect(r.stdout).not.toContain('resource_default_contour');
    const withClusters = run([
      'graph',
      '--path',
      '.',
      '-o',
      'mermaid',
      '--include-clusters',
    ]);
    expect(withClusters.stdout).toContain(
      'component_default_django --> resource_default_contour',
    );
  });

  it('prints Graphviz dot', () => {
    const r = run(['graph', '--path', '.', '-o', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph ')).toBe(true);
    expect(r.stdout).toContain(
      '"component:default/django" -> "resource:default/postgresql";',
    );
    expect(r.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('rejects an unknown format as a usage error', () => {
    const r = run(['graph', '--path', '.', '-o', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mermaid');
  });
});
