import { loadExampleSeedMap } from './exampleRepo';
import { parseSeedMap, seedEdges } from './seedMap';

describe('parseSeedMap', () => {
  const map = loadExampleSeedMap();

  it('finds the 21 infrastructure components and 34 business services', () => {
    const infra = map.nodes.filter(n => n.kind === 'infra');
    const apps = map.nodes.filter(n => n.kind === 'app');
    expect(infra).toHaveLength(21);
    expect(apps).toHaveLength(34);
    expect(map.nodes.filter(n => n.kind === 'flux')).toHaveLength(4);
    expect(map.nodes.filter(n => n.kind === 'external')).toHaveLength(5);
    expect(new Set(apps.map(a => a.folder)).size).toBe(34);
    expect(apps.find(a => a.id === 'Prescr')).toMatchObject({
      folder: 'prescriptions',
      group: 'business-services',
    });
    expect(map.nodes.find(n => n.id === 'ZK')).toMatchObject({
      folder: 'zookeeper',
      group: 'messaging',
      label: 'ZooKeeper / KRaft',
    });
  });

  it('reads every arrow with its label, style and category', () => {
    const find = (from: string, to: string) =>
      map.arrows.find(a => a.from === from && a.to === to);
    expect(find('Django', 'PG')).toMatchObject({
      label: 'JDBC/ORM',
      style: '-->',
      category: 'jdbc',
    });
    expect(find('Gateway', 'Django')).toMatchObject({
      label: '/api',
      style: '==>',
      category: 'route',
    });
    expect(find('Camunda', 'Vault')).toMatchObject({
      label: 'approle',
      style: '-.->',
      category: 'vault',
    });
    expect(find('LE', 'Cert')).toMatchObject({
      label: 'ACME HTTP-01',
      style: '-.->',
      category: 'other',
    });
    expect(find('DocLink', 'Docs')).toMatchObject({
      label: '',
      category: 'rest',
    });
    expect(find('Kafka', 'ZK')).toMatchObject({
      style: '---',
      category: 'other',
    });
    expect(find('PG', 'LPP')).toMatchObject({ category: 'pvc' });
    expect(find('BIM', 'Pilot')).toMatchObject({ category: 'envoy' });
    expect(find('Operate', 'Zitadel')).toMatchObject({ category: 'oidc' });
    expect(find('Flows', 'Camunda')).toMatchObject({
      label: 'start',
      category: 'rest',
    });
    expect(find('FluxHelm', 'APPS')).toMatchObject({ label: 'HelmRelease' });
    const counts: Record<string, number> = {};
    for (const a of map.arrows)
      counts[a.category] = (counts[a.category] ?? 0) + 1;
    // Counted by hand in the seed's mermaid source.
    expect(counts).toMatchObject({
      jdbc: 32,
      cache: 10,
      s3: 13,
      vault: 6,
      pvc: 7,
      kafka: 14,
      rabbitmq: 7,
      oidc: 9,
      envoy: 5,
      route: 12,
    });
  });

  it('names the file and line of a line it cannot read', () => {
    const md = '# x\n\n```mermaid\nflowchart LR\nA[a]:::ext\nA ~~> B\n```\n';
    expect(() => parseSeedMap(md, 'seed.md')).toThrow(
      'seed.md:6: cannot read mermaid line "A ~~> B"',
    );
  });

  it('rejects arrows to undefined nodes and unknown infrastructure nodes', () => {
    expect(() =>
      parseSeedMap('```mermaid\nA[a]:::ext\nA --> B\n```\n', 'm.md'),
    ).toThrow('m.md:3: arrow refers to unknown node "B"');
    expect(() =>
      parseSeedMap(
        '```mermaid\nsubgraph DATA["d"]\nMongo[(m)]:::data\nend\n```\n',
        'm.md',
      ),
    ).toThrow('m.md:3: no infrastructure folder known for node "Mongo"');
  });
});

describe('seedEdges', () => {
  it('lists the arrows between folders and leaves out actors, Flux and groups', () => {
    const map = loadExampleSeedMap();
    const edges = seedEdges(map);
    const between = map.arrows.filter(a =>
      [a.from, a.to].every(id =>
        ['app', 'infra'].includes(map.nodes.find(n => n.id === id)?.kind ?? ''),
      ),
    );
    expect(edges).toHaveLength(between.length);
    expect(edges).toContainEqual({
      from: { kind: 'app', folder: 'stamp-verification' },
      to: { kind: 'infra', folder: 'rabbitmq' },
      category: 'rabbitmq',
      label: 'consume sign.jobs',
      line: between.find(a => a.from === 'Stamp' && a.to === 'RMQ')!.line,
    });
    expect(
      edges.some(
        e =>
          e.from.folder === 'istio-ingressgateway' &&
          e.to.folder === 'control-interface',
      ),
    ).toBe(true);
    expect(edges.every(e => e.from.folder && e.to.folder)).toBe(true);
  });
});
