/*
 * The seed map's runtime arrows (JDBC, cache, S3, Kafka, RabbitMQ, Vault,
 * OIDC/JWT, envoy, PVC, REST, routes …) between its services and components
 * must appear as catalog relations when the example monorepo is ingested,
 * derived from the manifests alone. Target: at least 95%.
 */
import { createLocalTree } from '@flux-portal/kustomize';
import { loadExampleSeedMap, seedEdges } from '@flux-portal/test-utils';
import { ingestMonorepo } from './mapping';
import { EXAMPLE_MONOREPO } from './__testUtils__/exampleMonorepo';

const refOf = (e: { kind: 'app' | 'infra'; folder: string }) =>
  `${e.kind === 'app' ? 'component' : 'resource'}:default/${e.folder}`;

describe('seed map coverage', () => {
  it('turns at least 95% of the seed map arrows into relations', async () => {
    const { entities } = await ingestMonorepo(
      createLocalTree(EXAMPLE_MONOREPO),
      {},
    );
    const related = new Set<string>();
    for (const e of entities) {
      const from = `${e.kind.toLowerCase()}:default/${e.metadata.name}`;
      for (const field of [
        'dependsOn',
        'consumesApis',
        'providesApis',
        'dependencyOf',
      ]) {
        for (const to of (e.spec[field] as string[] | undefined) ?? []) {
          related.add(`${from} ${to}`);
          related.add(`${to} ${from}`);
        }
      }
    }
    const edges = seedEdges(loadExampleSeedMap());
    // Arrows between two of the map's nodes; `Kafka --- ZK` has no direction, so either way counts.
    const missing = edges.filter(
      edge => !related.has(`${refOf(edge.from)} ${refOf(edge.to)}`),
    );
    const covered = edges.length - missing.length;
    const share = ((covered / edges.length) * 100).toFixed(1);
    const missed = missing.map(
      m =>
        `${m.from.folder}→${m.to.folder} (${m.label || m.category}, line ${
          m.line
        })`,
    );
    console.log(
      `seed map: ${covered}/${
        edges.length
      } arrows are relations (${share}%); missing: ${
        missed.join(', ') || 'none'
      }`,
    );
    expect(edges.length).toBeGreaterThan(150);
    expect(covered / edges.length).toBeGreaterThanOrEqual(0.95);
  });

  it('ingests an entity for each of the 34 services, the 21 infrastructure components and the cluster', async () => {
    const { entities, problems } = await ingestMonorepo(
      createLocalTree(EXAMPLE_MONOREPO),
      {},
    );
    const map = loadExampleSeedMap();
    const names = new Set(entities.map(e => `${e.kind}:${e.metadata.name}`));
    const apps = map.nodes.filter(n => n.kind === 'app');
    const infra = map.nodes.filter(n => n.kind === 'infra');
    expect(apps).toHaveLength(34);
    expect(infra).toHaveLength(21);
    expect(apps.filter(n => !names.has(`Component:${n.folder}`))).toEqual([]);
    expect(infra.filter(n => !names.has(`Resource:${n.folder}`))).toEqual([]);
    expect(names.has('Resource:contour')).toBe(true);
    expect(problems.filter(p => p.severity === 'error')).toEqual([]);
  });
});
