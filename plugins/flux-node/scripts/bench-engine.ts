/*
 * Engine benchmark: generates monorepos shaped like the seed repository
 * (clusters/<c>/{infrastructure,apps,helm-repositories}.yaml,
 * infrastructure/<x>/..., apps/<svc>/{kustomization.yaml, base/, patches/})
 * with 34, 1,000 and 10,000 apps in a temp folder and prints, per size:
 *
 * - load: loadMonorepo() of the cluster folder, i.e. following the Flux
 *   Kustomizations and rendering every app, in a child process of its own
 *   so its peak RSS (maxRSS) is the load's alone;
 * - floor: reading and YAML-parsing every file once, also in a child;
 * - kubectl: `kubectl kustomize` on a sample of app folders, per app, to
 *   compare with the engine's load time per app.
 *
 * Usage: yarn workspace @flux-portal/plugin-flux-node bench:engine
 *          [--sizes 34,1000,10000] [--sample 20] [--keep]
 * Targets (2 cores): load within 2x the floor; 10,000 apps under 20 s and
 * 1.5 GB; at least 20x faster per app than spawning kustomize. Printed,
 * never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadMonorepo } from '../src/model';
import { createLocalTree } from '../src/tree';
import { parseManifests } from '../src/yaml';

const CLUSTER = 'contour';
const INFRA = [
  'istio-base',
  'istiod',
  'istio-gateway',
  'cert-manager',
  'cluster-issuers',
  'kubernetes-dashboard',
  'local-path-provisioner',
  'vault',
  's3-proxy',
  'zitadel',
  'keycloak',
  'openldap',
  'postgresql',
  'redis',
  'minio',
  'kafka',
  'zookeeper',
  'rabbitmq',
  'camunda',
  'camunda-operate',
  'monitoring',
];

function write(root: string, path: string, text: string) {
  const file = nodePath.join(root, path);
  mkdirSync(nodePath.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function fluxKs(name: string, path: string, dependsOn?: string): string {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    ...(dependsOn ? ['  dependsOn:', `    - name: ${dependsOn}`] : []),
    `  path: ./${path}`,
    '  prune: true',
    '  sourceRef:',
    '    kind: GitRepository',
    '    name: flux-system',
    '',
  ].join('\n');
}

function kustomization(resources: string[], patches: string[] = []): string {
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...resources.map(r => `  - ${r}`),
    ...(patches.length
      ? ['patches:', ...patches.map(p => `  - path: ${p}`)]
      : []),
    '',
  ].join('\n');
}

function namespace(name: string): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
}

export function generateRepo(root: string, apps: number): string[] {
  const c = `clusters/${CLUSTER}`;
  write(
    root,
    `${c}/flux-system/gotk-sync.yaml`,
    [
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
      'metadata:',
      '  name: flux-system',
      '  namespace: flux-system',
      'spec:',
      '  interval: 1m',
      '  ref:',
      '    branch: master',
      '  url: ssh://git@example.com/platform/monorepo',
      '---',
      fluxKs('flux-system', c),
    ].join('\n'),
  );
  write(
    root,
    `${c}/flux-system/kustomization.yaml`,
    kustomization(['gotk-sync.yaml']),
  );
  write(
    root,
    `${c}/infrastructure.yaml`,
    fluxKs('infrastructure', 'infrastructure'),
  );
  write(root, `${c}/apps.yaml`, fluxKs('apps', 'apps', 'infrastructure'));
  write(
    root,
    `${c}/helm-repositories.yaml`,
    ['bitnami', 'jetstack', 'hashicorp']
      .map(r =>
        [
          'apiVersion: source.toolkit.fluxcd.io/v1',
          'kind: HelmRepository',
          'metadata:',
          `  name: ${r}`,
          '  namespace: flux-system',
          'spec:',
          '  interval: 1h',
          `  url: https://charts.example.com/${r}`,
          '',
        ].join('\n'),
      )
      .join('---\n'),
  );

  write(root, 'infrastructure/kustomization.yaml', kustomization(INFRA));
  for (const x of INFRA) {
    write(
      root,
      `infrastructure/${x}/kustomization.yaml`,
      kustomization(['./base'], ['patches/values.yaml']),
    );
    write(
      root,
      `infrastructure/${x}/base/kustomization.yaml`,
      kustomization(['namespace.yaml', 'helmrelease.yaml']),
    );
    write(root, `infrastructure/${x}/base/namespace.yaml`, namespace(x));
    const hr = (values: string) =>
      [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata:',
        `  name: ${x}`,
        `  namespace: ${x}`,
        'spec:',
        ...(values
          ? []
          : [
              '  interval: 30m',
              '  chart:',
              '    spec:',
              `      chart: ${x}`,
              '      version: "1.x"',
              '      sourceRef:',
              '        kind: HelmRepository',
              '        name: bitnami',
              '        namespace: flux-system',
            ]),
        '  values:',
        values || '    replicaCount: 1',
        '',
      ].join('\n');
    write(root, `infrastructure/${x}/base/helmrelease.yaml`, hr(''));
    write(
      root,
      `infrastructure/${x}/patches/values.yaml`,
      hr(
        '    replicaCount: 2\n    persistence:\n      storageClass: local-path',
      ),
    );
  }

  const names: string[] = [];
  for (let i = 0; i < apps; i++)
    names.push(`svc-${String(i).padStart(5, '0')}`);
  write(root, 'apps/kustomization.yaml', kustomization(names));
  for (const svc of names) {
    write(
      root,
      `apps/${svc}/kustomization.yaml`,
      kustomization(['./base'], ['patches/replicas.yaml']),
    );
    write(
      root,
      `apps/${svc}/base/kustomization.yaml`,
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        `namespace: ${svc}`,
        'labels:',
        '  - pairs:',
        `      app.kubernetes.io/part-of: ${svc}`,
        'resources:',
        '  - namespace.yaml',
        '  - deployment.yaml',
        '  - service.yaml',
        '',
      ].join('\n'),
    );
    write(root, `apps/${svc}/base/namespace.yaml`, namespace(svc));
    write(
      root,
      `apps/${svc}/base/deployment.yaml`,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        `      app: ${svc}`,
        '  template:',
        '    metadata:',
        '      labels:',
        `        app: ${svc}`,
        '    spec:',
        '      containers:',
        `        - name: ${svc}`,
        `          image: cr.yandex/platform/${svc}:1.0.0`,
        '          ports:',
        '            - containerPort: 8080',
        '          env:',
        '            - name: DATABASE_URL',
        `              value: postgres://postgresql.postgresql:5432/${svc}`,
        '          resources:',
        '            requests:',
        '              cpu: 50m',
        '              memory: 64Mi',
        '',
      ].join('\n'),
    );
    write(
      root,
      `apps/${svc}/base/service.yaml`,
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  selector:',
        `    app: ${svc}`,
        '  ports:',
        '    - port: 80',
        '      targetPort: 8080',
        '',
      ].join('\n'),
    );
    write(
      root,
      `apps/${svc}/patches/replicas.yaml`,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${svc}`,
        'spec:',
        '  replicas: 2',
        '',
      ].join('\n'),
    );
  }
  return names;
}

// ---- child measurements ---------------------------------------------------

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = nodePath.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/**
 * The floor: the cheapest way to read and parse every file once, with
 * synchronous reads (no per-file round trips through the thread pool) and
 * the engine's own parser.
 */
async function childFloor(root: string) {
  const start = performance.now();
  const files = listFiles(root).map(file => ({
    file,
    bytes: readFileSync(file),
  }));
  const readMs = performance.now() - start;
  let documents = 0;
  for (const { file, bytes } of files) {
    documents += parseManifests(bytes, file).documents.length;
  }
  return { ms: performance.now() - start, readMs, documents };
}

async function childLoad(root: string) {
  const start = performance.now();
  const model = await loadMonorepo(createLocalTree(root), {
    path: `clusters/${CLUSTER}`,
  });
  return {
    ms: performance.now() - start,
    objects: model.objects.length,
    kustomizations: model.kustomizations.length,
    helmReleases: model.helmReleases.length,
    problems: model.problems.length,
  };
}

function runChild(mode: 'floor' | 'load', root: string) {
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const out = execFileSync(
    process.execPath,
    ['-r', transform, __filename, '--child', mode, root],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

function kubectlPerApp(root: string, apps: string[], sample: number) {
  const step = Math.max(1, Math.floor(apps.length / sample));
  const picked = apps.filter((_, i) => i % step === 0).slice(0, sample);
  const start = performance.now();
  for (const svc of picked) {
    const r = spawnSync(
      'kubectl',
      ['kustomize', nodePath.join(root, 'apps', svc)],
      { encoding: 'utf8' },
    );
    if (r.status !== 0)
      throw new Error(`kubectl kustomize apps/${svc} failed: ${r.stderr}`);
  }
  return (performance.now() - start) / picked.length;
}

// ---- report ----------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ');
}

async function main() {
  if (process.argv.includes('--child')) {
    const mode = arg('--child');
    const root = process.argv[process.argv.indexOf('--child') + 2];
    const result =
      mode === 'floor' ? await childFloor(root) : await childLoad(root);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`);
    return;
  }
  const sizes = (arg('--sizes') ?? '34,1000,10000').split(',').map(Number);
  const sample = Number(arg('--sample') ?? 20);
  const keep = process.argv.includes('--keep');
  const rows: string[][] = [];
  for (const size of sizes) {
    const root = mkdtempSync(nodePath.join(tmpdir(), `bench-engine-${size}-`));
    try {
      const apps = generateRepo(root, size);
      const floor = runChild('floor', root);
      const load = runChild('load', root);
      const kubectl = kubectlPerApp(root, apps, Math.min(sample, size));
      const perApp = load.ms / size;
      rows.push([
        String(size),
        String(floor.documents),
        String(load.objects),
        String(load.problems),
        (load.ms / 1000).toFixed(2),
        (floor.ms / 1000).toFixed(2),
        (floor.readMs / 1000).toFixed(2),
        (load.ms / floor.ms).toFixed(2),
        load.maxRssMb.toFixed(0),
        perApp.toFixed(2),
        kubectl.toFixed(1),
        (kubectl / perApp).toFixed(0),
      ]);
      process.stderr.write(`done: ${size} apps${keep ? ` in ${root}` : ''}\n`);
    } finally {
      if (!keep) rmSync(root, { recursive: true, force: true });
    }
  }
  const headers = [
    'apps',
    'docs',
    'objects',
    'problems',
    'load s',
    'floor s',
    'of which read s',
    'load/floor',
    'peak RSS MB',
    'ms/app',
    'kubectl ms/app',
    'speedup',
  ];
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const lines = [
    pad(headers, widths),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.map(r => pad(r, widths)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    'targets (2 cores): load/floor <= 2; 10000 apps: load < 20 s, peak RSS < 1536 MB; speedup >= 20\n',
  );
}

if (require.main === module) {
  main().catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}
