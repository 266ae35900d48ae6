import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLocalTree } from '@flux-portal/kustomize';
import { renderClusterObjects } from './renderClusterObjects';
import { readObjectsFile, runClusterSimulatorCli } from './cli';
import { fluxFixture } from './__testUtils__';

describe('cluster-simulator CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cluster-sim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JSON arrays, v1 Lists and multi-document YAML', async () => {
    const json = join(dir, 'objects.json');
    writeFileSync(
      json,
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: fluxFixture() }),
    );
    expect(await readObjectsFile(json)).toEqual(fluxFixture());
    const yaml = join(dir, 'objects.yaml');
    writeFileSync(
      yaml,
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n',
    );
    expect((await readObjectsFile(yaml)).map(o => o.metadata?.name)).toEqual([
      'a',
      'b',
    ]);
  });

  it('serves a monorepo cluster rendered by the engine, with kustomize-controller ownership and inventories', async () => {
    const lines: string[] = [];
    const monorepo = resolve(__dirname, '../../../examples/flux-monorepo');
    const stop = await runClusterSimulatorCli(
      [
        '--port',
        '0',
        '--token',
        't0k',
        '--name',
        'contour',
        '--monorepo',
        monorepo,
        '--no-periodic-reconcile',
      ],
      l => lines.push(l),
    );
    try {
      const url = /listening on (\S+)/.exec(lines.join('\n'))![1];
      const get = async (path: string) =>
        (
          await fetch(`${url}${path}`, {
            headers: { Authorization: 'Bearer t0k' },
          })
        ).json();
      const hrs = await get('/apis/helm.toolkit.fluxcd.io/v2/helmreleases');
      const rendered = await renderClusterObjects(
        createLocalTree(monorepo),
        'clusters/contour',
      );
      expect(hrs.items.length).toBe(
        rendered.objects.filter(o => o.kind === 'HelmRelease').length,
      );
      expect(hrs.items.length).toBeGreaterThan(0);
      const apps = await get(
        '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps',
      );
      const deployments = await get(
        '/apis/apps/v1/deployments?labelSelector=kustomize.toolkit.fluxcd.io/name%3Dapps',
      );
      expect(deployments.items.length).toBeGreaterThanOrEqual(34);
      const inventory: string[] = apps.status.inventory.entries.map(
        (e: any) => e.id,
      );
      for (const d of deployments.items) {
        expect(inventory).toContain(
          `${d.metadata.namespace}_${d.metadata.name}_apps_Deployment`,
        );
      }
    } finally {
      await stop();
    }
  });

  it('names the file and line of broken YAML', async () => {
    const yaml = join(dir, 'broken.yaml');
    writeFileSync(
      yaml,
      'apiVersion: v1\nkind: Namespace\n---\nmetadata: {\n  name: [b\n',
    );
    await expect(readObjectsFile(yaml)).rejects.toThrow(/broken\.yaml:\d+: /);
  });

  it('starts a seeded cluster from a file that answers with the given token', async () => {
    const json = join(dir, 'objects.json');
    writeFileSync(json, JSON.stringify(fluxFixture()));
    const lines: string[] = [];
    const stop = await runClusterSimulatorCli(
      ['--port', '0', '--token', 't0k', '--name', 'contour', '--objects', json],
      l => lines.push(l),
    );
    try {
      const url = /listening on (\S+)/.exec(lines[0])![1];
      expect(lines[0]).toMatch(
        /^cluster-simulator "contour" listening on http:\/\/127\.0\.0\.1:\d+ \(\d+ objects; .*1 Suspended/,
      );
      const res = await fetch(
        `${url}/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations`,
        { headers: { Authorization: 'Bearer t0k' } },
      );
      const body = await res.json();
      expect(body.items.length).toBe(
        fluxFixture().filter(o => o.kind === 'Kustomization').length,
      );
      expect(body.items.every((i: any) => i.status.conditions.length > 0)).toBe(
        true,
      );
    } finally {
      await stop();
    }
  });

  it('runs as the bin script (TypeScript sources through the Backstage node transform)', async () => {
    const bin = resolve(__dirname, '../bin/cluster-simulator');
    const child = spawn(
      process.execPath,
      [bin, '--port', '0', '--token', 'bin-token'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        child.stdout.on('data', d => {
          out += d;
          const m = /listening on (\S+)/.exec(out);
          if (m) resolveUrl(m[1]);
        });
        child.on('exit', code => reject(new Error(`exited ${code}`)));
      });
      const res = await fetch(`${url}/api`, {
        headers: { Authorization: 'Bearer bin-token' },
      });
      expect((await res.json()).kind).toBe('APIVersions');
    } finally {
      child.kill('SIGTERM');
      await new Promise(r => child.once('exit', r));
    }
  }, 60_000);

  it('leaves out kinds it does not serve and says which', async () => {
    const yaml = join(dir, 'rendered.yaml');
    writeFileSync(
      yaml,
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: a\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    );
    const lines: string[] = [];
    const stop = await runClusterSimulatorCli(
      ['--port', '0', '--objects', yaml],
      l => lines.push(l),
    );
    await stop();
    expect(lines[0]).toBe(
      'skipped 2 objects of kinds not served: PodDisruptionBudget, VirtualService',
    );
    expect(lines[1]).toMatch(
      /listening on http:\/\/127\.0\.0\.1:\d+ \(2 objects\)$/,
    );
    expect(lines[2]).toMatch(/^token: [0-9a-f]{48}$/);
  });

  it('serves the API versions given with --serve', async () => {
    const lines: string[] = [];
    const stop = await runClusterSimulatorCli(
      [
        '--port',
        '0',
        '--token',
        't',
        '--serve',
        'helm.toolkit.fluxcd.io=v2beta2,v2beta1',
        '--serve',
        'source.toolkit.fluxcd.io=',
      ],
      l => lines.push(l),
    );
    try {
      const url = /listening on (\S+)/.exec(lines[0])![1];
      const groups = await (
        await fetch(`${url}/apis`, { headers: { Authorization: 'Bearer t' } })
      ).json();
      const helm = groups.groups.find(
        (g: any) => g.name === 'helm.toolkit.fluxcd.io',
      );
      expect(helm.versions.map((v: any) => v.version)).toEqual([
        'v2beta2',
        'v2beta1',
      ]);
      expect(
        groups.groups.some((g: any) => g.name === 'source.toolkit.fluxcd.io'),
      ).toBe(false);
    } finally {
      await stop();
    }
    await expect(
      runClusterSimulatorCli(['--serve', 'nonsense'], () => undefined),
    ).rejects.toThrow('invalid --serve nonsense');
  });

  it('rejects a bad port', async () => {
    await expect(
      runClusterSimulatorCli(['--port', '99999'], () => undefined),
    ).rejects.toThrow('invalid --port 99999');
  });
});
