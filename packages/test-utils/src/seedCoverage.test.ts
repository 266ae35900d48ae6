import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_MONOREPO_DIR, loadExampleSeedMap } from './exampleRepo';
import { findKubectl } from './kubectl';
import { BuiltObject, kustomizeBuildMany } from './kustomizeBuild';
import { SeedArrow, SeedNode } from './seedMap';

const ROOT = EXAMPLE_MONOREPO_DIR;
const map = loadExampleSeedMap();
const byId = new Map(map.nodes.map(n => [n.id, n]));
const infraNodes = map.nodes.filter(n => n.kind === 'infra');
const appNodes = map.nodes.filter(n => n.kind === 'app');

function registered(listFile: string): string[] {
  return parse(fs.readFileSync(path.join(ROOT, listFile), 'utf8')).resources;
}

function subfolders(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => e.name)
    .sort();
}

describe('seed map coverage of examples/flux-monorepo', () => {
  it('has a folder for every infrastructure node, registered in infrastructure/kustomization.yaml', () => {
    const missing: string[] = [];
    for (const node of infraNodes) {
      const dir = `infrastructure/${node.folder}`;
      const release = fs.existsSync(
        path.join(ROOT, dir, 'base/helmrelease.yaml'),
      );
      const issuer = fs.existsSync(
        path.join(ROOT, dir, 'base/clusterissuer.yaml'),
      );
      for (const file of ['kustomization.yaml', 'base/kustomization.yaml']) {
        if (!fs.existsSync(path.join(ROOT, dir, file)))
          missing.push(`${dir}/${file}`);
      }
      if (!release && !issuer) missing.push(`${dir}/base/helmrelease.yaml`);
      if (
        !fs.existsSync(path.join(ROOT, dir, 'patches')) ||
        !fs.readdirSync(path.join(ROOT, dir, 'patches')).length
      ) {
        missing.push(`${dir}/patches/`);
      }
    }
    expect(missing).toEqual([]);
    expect([...registered('infrastructure/kustomization.yaml')].sort()).toEqual(
      infraNodes.map(n => n.folder!).sort(),
    );
    expect(subfolders('infrastructure')).toEqual(
      infraNodes.map(n => n.folder!).sort(),
    );
  });

  it('has the seed layout for every business service, registered in apps/kustomization.yaml', () => {
    const files = [
      'kustomization.yaml',
      'base/kustomization.yaml',
      'base/namespace.yaml',
      'base/deployment.yaml',
      'base/service.yaml',
      'patches/replicas.yaml',
    ];
    const missing = appNodes.flatMap(n =>
      files
        .map(f => `apps/${n.folder}/${f}`)
        .filter(f => !fs.existsSync(path.join(ROOT, f))),
    );
    expect(missing).toEqual([]);
    expect([...registered('apps/kustomization.yaml')].sort()).toEqual(
      appNodes.map(n => n.folder!).sort(),
    );
    expect(subfolders('apps')).toEqual(appNodes.map(n => n.folder!).sort());
  });
});

const kubectl = findKubectl();
const describeWithKubectl = kubectl.path ? describe : describe.skip;

// Every string value under a node of a parsed manifest.
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach(v => strings(v, out));
  else if (value && typeof value === 'object')
    Object.values(value).forEach(v => strings(v, out));
  return out;
}

// `{name, value}` pairs anywhere under a node: container env of a
// Deployment, or env lists inside HelmRelease values.
function envPairs(
  value: unknown,
  out: Map<string, string> = new Map(),
): Map<string, string> {
  if (Array.isArray(value)) value.forEach(v => envPairs(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.value === 'string')
      out.set(o.name, o.value);
    Object.values(o).forEach(v => envPairs(v, out));
  }
  return out;
}

function hasKey(value: unknown, key: string, expected: string): boolean {
  if (Array.isArray(value)) return value.some(v => hasKey(v, key, expected));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([k, v]) => (k === key && v === expected) || hasKey(v, key, expected),
    );
  }
  return false;
}

const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
// `notify.*` in the map matches a concrete topic such as notify.email.
const matches = (pattern: string, name: string) =>
  pattern.endsWith('*')
    ? name.startsWith(pattern.slice(0, -1))
    : name === pattern;

describeWithKubectl('seed map arrows carried by the example manifests', () => {
  const rendered = new Map<string, BuiltObject[]>();
  beforeAll(async () => {
    const nodes = [...infraNodes, ...appNodes];
    const dirOf = (n: SeedNode) =>
      path.join(ROOT, n.kind === 'app' ? 'apps' : 'infrastructure', n.folder!);
    const results = await kustomizeBuildMany(nodes.map(dirOf), {
      kubectl: kubectl.path,
    });
    for (const n of nodes) {
      const result = results.get(dirOf(n))!;
      if (result instanceof Error) throw result;
      rendered.set(n.id, result);
    }
  }, 300_000);

  const objects = (n: SeedNode) => rendered.get(n.id)!;
  // The namespace a node's workloads live in: DNS names point there.
  const namespaceOf = (n: SeedNode) =>
    objects(n).find(o => o.kind === 'HelmRelease' || o.kind === 'Deployment')
      ?.metadata.namespace;
  // What carries a node's connections: the Deployment's container, or the
  // HelmRelease values (and valuesFrom) of an infrastructure component.
  const carrier = (n: SeedNode) =>
    objects(n)
      .filter(o => o.kind === 'Deployment' || o.kind === 'HelmRelease')
      .map(o =>
        o.kind === 'Deployment'
          ? (o as any).spec.template.spec.containers
          : (o as any).spec,
      );
  const refersTo = (from: SeedNode, to: SeedNode) => {
    const ns = namespaceOf(to);
    return !!ns && strings(carrier(from)).some(s => s.includes(`.${ns}.svc`));
  };
  const dependsOn = (from: SeedNode, to: SeedNode) =>
    objects(from).some(o =>
      ((o as any).spec?.dependsOn ?? []).some(
        (d: { name: string; namespace?: string }) =>
          d.name === to.folder && d.namespace === namespaceOf(to),
      ),
    );

  function check(arrow: SeedArrow): string | undefined {
    const from = byId.get(arrow.from)!;
    const to = byId.get(arrow.to)!;
    const env = envPairs(carrier(from));
    const label = arrow.label.toLowerCase();
    switch (arrow.category) {
      case 'jdbc': {
        if (from.kind === 'app') {
          const url = env.get('DATABASE_URL') ?? '';
          if (
            !url.startsWith('postgresql://') ||
            !url.includes(`.${namespaceOf(to)}.svc`)
          )
            return `DATABASE_URL "${url}"`;
          if (!url.includes('$(DATABASE_PASSWORD)'))
            return 'DATABASE_URL without $(DATABASE_PASSWORD)';
          return undefined;
        }
        return refersTo(from, to) ? undefined : 'no PostgreSQL host in values';
      }
      case 'cache':
        return refersTo(from, to) &&
          (env.get('REDIS_URL') ?? '').startsWith('redis://')
          ? undefined
          : 'no REDIS_URL';
      case 's3':
        if (
          from.kind === 'app' &&
          !(env.get('S3_ENDPOINT') ?? '').includes(`.${namespaceOf(to)}.svc`)
        )
          return 'no S3_ENDPOINT';
        return refersTo(from, to) ? undefined : 'no S3 endpoint';
      case 'vault': {
        if (!refersTo(from, to)) return 'no Vault address';
        const all = strings(carrier(from));
        if (label === 'kv' && !all.some(s => s.startsWith('kv/')))
          return 'no kv path';
        if (label === 'approle' && env.get('VAULT_AUTH_METHOD') !== 'approle')
          return 'no approle auth';
        if (from.kind === 'app' && !env.get('VAULT_ROLE'))
          return 'no VAULT_ROLE';
        return undefined;
      }
      case 'oidc':
        if (
          from.kind === 'app' &&
          !(env.get('OIDC_ISSUER_URL') ?? '').includes(
            `.${namespaceOf(to)}.svc`,
          )
        ) {
          return `OIDC_ISSUER_URL "${env.get('OIDC_ISSUER_URL')}"`;
        }
        return refersTo(from, to) ? undefined : 'no issuer URL';
      case 'kafka': {
        if (
          !(env.get('KAFKA_BOOTSTRAP_SERVERS') ?? '').includes(
            `.${namespaceOf(to)}.svc`,
          )
        )
          return 'no KAFKA_BOOTSTRAP_SERVERS';
        const [, verbs, pattern] =
          /^(produce\/consume|produce|consume)\s+(\S+)$/.exec(label) ?? [];
        if (!pattern) return `unreadable label "${arrow.label}"`;
        for (const verb of verbs.split('/')) {
          const topics = list(env.get(`KAFKA_${verb.toUpperCase()}_TOPICS`));
          if (!topics.some(t => matches(pattern, t) || t === pattern))
            return `no ${verb} topic for ${pattern}`;
        }
        return undefined;
      }
      case 'rabbitmq': {
        if (!(env.get('AMQP_URL') ?? '').includes(`.${namespaceOf(to)}.svc`))
          return 'no AMQP_URL';
        const [, verb, pattern] =
          /^(publish|consume)\s+(\S+)$/.exec(label) ?? [];
        if (!verb) return `unreadable label "${arrow.label}"`;
        const queues = list(env.get(`RABBITMQ_${verb.toUpperCase()}_QUEUES`));
        // "publish jobs" names no queue; any published queue carries it.
        const ok = pattern.includes('.')
          ? queues.some(q => matches(pattern, q))
          : queues.length > 0;
        return ok ? undefined : `no ${verb} queue for ${pattern}`;
      }
      case 'rest': {
        const name = `${to.folder!.toUpperCase().replace(/-/g, '_')}_URL`;
        const url = env.get(name) ?? '';
        return url.startsWith('http://') &&
          url.includes(`.${namespaceOf(to)}.svc`)
          ? undefined
          : `no ${name}`;
      }
      case 'envoy': {
        const ns = objects(from).find(o => o.kind === 'Namespace');
        return ns?.metadata.labels?.['istio-injection'] === 'enabled'
          ? undefined
          : 'namespace not labelled for injection';
      }
      case 'pvc':
        return hasKey(carrier(from), 'storageClass', 'local-path')
          ? undefined
          : 'no storageClass local-path';
      case 'route': {
        const ns = namespaceOf(to);
        const services = objects(from).filter(
          o => o.kind === 'VirtualService',
        ) as any[];
        const vs = services.find(v =>
          v.spec.http.some((h: any) =>
            h.route.some((r: any) =>
              r.destination.host.endsWith(`.${ns}.svc.cluster.local`),
            ),
          ),
        );
        if (!vs) return `no VirtualService to namespace ${ns}`;
        const prefixes = vs.spec.http.flatMap((h: any) =>
          (h.match ?? []).map((m: any) => m.uri?.prefix),
        );
        return arrow.label.startsWith('/') && !prefixes.includes(arrow.label)
          ? `no prefix ${arrow.label}`
          : undefined;
      }
      default: {
        // Component-to-component links: installed after it, or addressing it.
        if (refersTo(from, to) || dependsOn(from, to) || dependsOn(to, from))
          return undefined;
        if (
          from.folder === 'cert-manager' &&
          objects(to).some(o => o.kind === 'ClusterIssuer')
        )
          return undefined;
        if (objects(from).some(o => o.kind === 'ClusterIssuer')) {
          // The issuer's certificate is what the gateway serves.
          const cert = objects(to).find(o => o.kind === 'Certificate') as any;
          const gateway = objects(to).find(o => o.kind === 'Gateway') as any;
          const served = gateway?.spec.servers.some(
            (s: any) => s.tls?.credentialName === cert?.spec.secretName,
          );
          return cert?.spec.issuerRef.name === from.folder && served
            ? undefined
            : `TLS of ${to.folder} not issued by ${from.folder}`;
        }
        return 'no reference, dependsOn or issuer link';
      }
    }
  }

  it('carries every arrow between components and services of the map', () => {
    const between = map.arrows.filter(a => {
      const kinds = [byId.get(a.from)?.kind, byId.get(a.to)?.kind];
      return kinds.every(k => k === 'app' || k === 'infra');
    });
    const problems = between
      .map(a => [a, check(a)] as const)
      .filter(([, problem]) => problem)
      .map(
        ([a, problem]) =>
          `${a.from} -> ${a.to} (${a.category} "${a.label}", seed line ${a.line}): ${problem}`,
      );
    expect(problems).toEqual([]);
    expect(between.length).toBeGreaterThan(150);
  });
});
