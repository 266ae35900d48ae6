import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findKubectl } from './kubectl';
import { kustomizeBuild, kustomizeBuildMany } from './kustomizeBuild';

const kubectl = findKubectl();
const describeWithKubectl = kubectl.path ? describe : describe.skip;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kustomize-build-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('findKubectl', () => {
  const saved = process.env.KUBECTL;
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBECTL;
    else process.env.KUBECTL = saved;
  });

  it('prefers $KUBECTL when it runs', () => {
    const fake = path.join(dir, 'kubectl-fake');
    fs.writeFileSync(fake, '#!/bin/sh\necho "Client Version: v0.0.0-fake"\n', {
      mode: 0o755,
    });
    process.env.KUBECTL = fake;
    expect(findKubectl()).toEqual({
      path: fake,
      detail: 'Client Version: v0.0.0-fake',
    });
  });

  it('skips a $KUBECTL that fails and says why when nothing works', () => {
    const broken = path.join(dir, 'kubectl-broken');
    fs.writeFileSync(broken, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    process.env.KUBECTL = broken;
    const found = findKubectl();
    expect(found.path).not.toBe(broken);
    expect(found.path ?? found.detail).toMatch(
      found.path ? /kubectl$/ : /set KUBECTL/,
    );
  });
});

describeWithKubectl('kustomizeBuild', () => {
  it('renders a kustomization with kubectl', () => {
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'resources:\n- cm.yaml\nnamespace: team\ncommonLabels:\n  tier: web\n',
    );
    fs.writeFileSync(
      path.join(dir, 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
    );
    expect(kustomizeBuild(dir, kubectl.path)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'settings',
          namespace: 'team',
          labels: { tier: 'web' },
        },
        data: { a: '1' },
      },
    ]);
  });

  it('fails with kubectl message and the directory', () => {
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'resources:\n- missing.yaml\n',
    );
    expect(() => kustomizeBuild(dir, kubectl.path)).toThrow(
      new RegExp(`kubectl kustomize ${dir} failed: .*missing\\.yaml`),
    );
  });
});

describeWithKubectl('kustomizeBuildMany', () => {
  it('renders every directory and reports a broken one without stopping', async () => {
    const good = path.join(dir, 'good');
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(good);
    fs.mkdirSync(bad);
    fs.writeFileSync(
      path.join(good, 'kustomization.yaml'),
      'resources:\n- ns.yaml\n',
    );
    fs.writeFileSync(
      path.join(good, 'ns.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    );
    fs.writeFileSync(
      path.join(bad, 'kustomization.yaml'),
      'resources: [nope.yaml]\n',
    );
    const results = await kustomizeBuildMany([bad, good, good], {
      kubectl: kubectl.path,
      concurrency: 2,
    });
    expect([...results.keys()]).toEqual([bad, good]);
    expect(results.get(bad)).toBeInstanceOf(Error);
    expect((results.get(bad) as Error).message).toContain(
      `kubectl kustomize ${bad} failed`,
    );
    expect(results.get(good)).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
    ]);
  });
});
