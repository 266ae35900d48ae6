/**
 * Spawns the real bin/flux-portal on fixture repositories copied into temp
 * folders with a `.git` entry, as a user's checkout would be.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';

const PACKAGE = nodePath.resolve(__dirname, '..');
const BIN = nodePath.join(PACKAGE, 'bin/flux-portal');
// The engine's layout fixtures, copied (never changed) by each test.
const FIXTURES = nodePath.resolve(PACKAGE, '../flux-engine/fixtures');

// each test spawns the CLI (TypeScript loaded through the node transform)
// one to four times; a busy machine needs more than jest's 5 s default
jest.setTimeout(60_000);

let work: string;
const repos: Record<string, string> = {};

function checkout(fixture: string): string {
  const dir = nodePath.join(work, fixture);
  cpSync(nodePath.join(FIXTURES, fixture), dir, { recursive: true });
  mkdirSync(nodePath.join(dir, '.git'));
  return dir;
}

function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-cli-'));
  for (const f of [
    'kustomize-helm',
    'home-lab',
    'bad-flux',
    'git-chart',
    'multi-tenant',
  ]) {
    repos[f] = checkout(f);
  }
  // a tenant repository outside the main checkout
  repos.devTeam = checkout('multi-tenant-dev-team');
  // a monorepo nested in a larger checkout (its .git is the outer folder's)
  repos.nested = nodePath.join(work, 'outer/deploy/fleet');
  mkdirSync(nodePath.join(work, 'outer/.git'), { recursive: true });
  cpSync(nodePath.join(FIXTURES, 'flux-artifacts'), repos.nested, {
    recursive: true,
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('flux-portal', () => {
  it('get ks -o json lists the Flux Kustomizations of a cluster folder', () => {
    const r = run(
      ['get', 'ks', '--path', 'clusters/staging', '-o', 'json'],
      repos['kustomize-helm'],
    );
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout);
    expect(items.map((k: any) => k.name)).toEqual([
      'apps',
      'flux-system',
      'infra-configs',
      'infra-controllers',
    ]);
    expect(items[0]).toMatchObject({
      namespace: 'flux-system',
      path: 'apps/staging',
      sourceRef: {
        kind: 'GitRepository',
        name: 'flux-system',
        namespace: 'flux-system',
      },
      dependsOn: [{ namespace: 'flux-system', name: 'infra-configs' }],
    });
  });

  it('finds the repository root from a nested --path and prints a table', () => {
    const r = run([
      'get',
      'ks',
      '--path',
      nodePath.join(repos['kustomize-helm'], 'clusters/production'),
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(/\s+/)).toEqual([
      'NAME',
      'PATH',
      'SOURCE',
      'DEPENDS-ON',
      'STATUS',
      'MESSAGE',
    ]);
    expect(lines.find(l => l.startsWith('apps'))?.split(/\s+/)).toEqual([
      'apps',
      './apps/production',
      'GitRepository/flux-system/flux-system',
      'flux-system/infra-configs',
      'rendered',
      '-',
    ]);
  });

  it('get hr -A gives chart, version and sourceRef, null version for a Git chart', () => {
    const r = run(
      ['get', 'hr', '-A', '--path', 'clusters/prod', '-o', 'json'],
      repos['git-chart'],
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        namespace: 'my-app',
        name: 'my-app',
        chart: './charts/my-app',
        version: null,
        sourceRef: {
          kind: 'GitRepository',
          name: 'flux-system',
          namespace: 'flux-system',
        },
      }),
    ]);
  });

  it('get sources marks mapped and external Git sources', () => {
    const unmapped = run(
      ['get', 'sources', '-A', '--path', 'clusters/staging', '-o', 'yaml'],
      repos['multi-tenant'],
    );
    expect(unmapped.code).toBe(0);
    expect(unmapped.stdout).toContain('name: dev-team');
    const mapped = run(
      [
        'get',
        'hr',
        '-n',
        'apps',
        '--path',
        'clusters/staging',
        '--source',
        `dev-team=${repos.devTeam}`,
        '-o',
        'json',
      ],
      repos['multi-tenant'],
    );
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toEqual([
      expect.objectContaining({ name: 'podinfo', version: '6.5.x' }),
    ]);
  });

  it('says explicitly when nothing is found, and JSON prints []', () => {
    const table = run(
      ['get', 'hr', '--path', 'clusters/prod'],
      repos['git-chart'],
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(
      'No HelmReleases found in namespace flux-system.\n',
    );
    const json = run(
      ['get', 'ks', '-n', 'nobody', '--path', 'clusters/prod', '-o', 'json'],
      repos['git-chart'],
    );
    expect(json.code).toBe(0);
    expect(json.stdout.trim()).toBe('[]');
  });

  it('build ks prints substituted output without secret values', () => {
    const r = run(
      ['build', 'ks', 'echo-server', '--path', 'kubernetes/flux/cluster'],
      repos['home-lab'],
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TZ: Europe/Moscow');
    expect(r.stdout).toContain('kind: HelmRelease');
    const all = run(
      ['build', 'ks', 'cluster-vars', '--path', 'kubernetes/flux/cluster'],
      repos['home-lab'],
    );
    expect(all.stdout).toContain('name: cluster-secrets');
    for (const out of [r.stdout, all.stdout]) {
      expect(out).not.toContain('hunter2-private.example.org');
      expect(out).not.toContain('czNjcjN0LXB3LTQyNDI=');
    }
    const missing = run(
      ['build', 'ks', 'nope', '--path', 'kubernetes/flux/cluster'],
      repos['home-lab'],
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'Flux Kustomization flux-system/nope not found\n',
    );
  });

  it('asks for --cluster when the root holds several clusters', () => {
    const repo = repos['kustomize-helm'];
    const ambiguous = run(['build', 'ks', 'apps'], repo);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe(
      'Flux Kustomization flux-system/apps exists in clusters production, staging; choose one with --cluster\n',
    );
    const staging = run(['build', 'ks', 'apps', '--cluster', 'staging'], repo);
    expect(staging.code).toBe(0);
    expect(staging.stdout).toContain('host: podinfo.staging');
    expect(staging.stdout).not.toContain('podinfo.production');
  });

  it('validate exits 1 with file:line problems, 0 when clean', () => {
    const bad = run(['validate', '--path', 'clusters/bad'], repos['bad-flux']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      'clusters/bad/ks.yaml:16: Kustomization dependsOn cycle: flux-system/a -> flux-system/b -> flux-system/a\n',
    );
    expect(bad.stdout.trim().split('\n')).toHaveLength(5);
    const clean = run(
      ['validate', '--path', 'clusters/staging'],
      repos['kustomize-helm'],
    );
    expect(clean).toMatchObject({ code: 0, stdout: '' });
  });

  it('rejects a malformed --source', () => {
    const r = run(
      ['get', 'ks', '--source', 'no-equals-sign'],
      repos['git-chart'],
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--source must be NAME=DIR');
  });

  it('renders ExternalArtifacts of an ArtifactGenerator, from a monorepo nested in a checkout', () => {
    const cluster = nodePath.join(repos.nested, 'clusters/production');
    const ks = run(['get', 'ks', '-A', '--path', cluster]);
    expect(ks.code).toBe(0);
    const rows = ks.stdout
      .trim()
      .split('\n')
      .map(l => l.split(/\s{2,}/));
    expect(rows).toEqual([
      [
        'NAMESPACE',
        'NAME',
        'PATH',
        'SOURCE',
        'DEPENDS-ON',
        'STATUS',
        'MESSAGE',
      ],
      [
        'flux-system',
        'apps',
        './apps/production',
        'ExternalArtifact/flux-system/apps',
        'flux-system/infra-configs',
        'rendered',
        '-',
      ],
      [
        'flux-system',
        'flux-system',
        './clusters/production',
        'GitRepository/flux-system/flux-system',
        '-',
        'rendered',
        '-',
      ],
      [
        'flux-system',
        'infra-configs',
        './infrastructure/configs',
        'ExternalArtifact/flux-system/infrastructure',
        'flux-system/infra-controllers',
        'rendered',
        '-',
      ],
      [
        'flux-system',
        'infra-controllers',
        './infrastructure/controllers',
        'ExternalArtifact/flux-system/infrastructure',
        '-',
        'rendered',
        '-',
      ],
    ]);
    const hr = run(['get', 'hr', '-A', '--path', cluster, '-o', 'json']);
    expect(
      JSON.parse(hr.stdout).map((h: any) => [
        h.namespace,
        h.name,
        h.version,
        h.appliedBy,
      ]),
    ).toEqual([
      ['cert-manager', 'cert-manager', '1.x', 'flux-system/infra-controllers'],
      [
        'ingress-nginx',
        'ingress-nginx',
        '4.x',
        'flux-system/infra-controllers',
      ],
      ['podinfo', 'podinfo', '>=1.0.0', 'flux-system/apps'],
    ]);
    const valid = run(['validate', '--path', cluster]);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toContain('0 error(s), 0 warning(s) in 4');
  });

  it('says why a Kustomization of an artifact that cannot be generated did not render', () => {
    const broken = nodePath.join(work, 'broken-artifacts');
    cpSync(nodePath.join(FIXTURES, 'flux-artifacts'), broken, {
      recursive: true,
    });
    mkdirSync(nodePath.join(broken, '.git'));
    rmSync(nodePath.join(broken, 'apps/base'), { recursive: true });
    const ks = run(
      ['get', 'ks', '-A', '--path', 'clusters/production', '-o', 'json'],
      broken,
    );
    const apps = JSON.parse(ks.stdout).find((k: any) => k.name === 'apps');
    expect(apps).toMatchObject({
      status: 'external',
      reason:
        "ArtifactGenerator flux-system/flux-system failed: copy from '@monorepo/apps/base/**': no files match 'apps/base/**' in @monorepo",
    });
    const valid = run(['validate', '--path', 'clusters/production'], broken);
    expect(valid.code).toBe(1);
    expect(valid.stdout).toMatch(
      /clusters\/production\/artifacts\.yaml:2: .*artifact apps: copy from '@monorepo\/apps\/base\/\*\*': no files match/,
    );
  });
});
