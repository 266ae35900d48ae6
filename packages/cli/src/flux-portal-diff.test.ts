/**
 * `flux-portal diff` on real git repositories in temp folders: the
 * kustomize-helm fixture committed, then changed in the working tree.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { git } from '@flux-portal/test-utils';

const PACKAGE = nodePath.resolve(__dirname, '..');
const BIN = nodePath.join(PACKAGE, 'bin/flux-portal');
const FIXTURE = nodePath.resolve(
  PACKAGE,
  '../flux-engine/fixtures/kustomize-helm',
);

jest.setTimeout(60_000);

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-diff-'));
  cpSync(FIXTURE, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [BIN, 'diff', '--path', 'clusters/production', ...args],
    { cwd: repo, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = (path: string) => nodePath.join(repo, path);
const edit = (path: string, from: string | RegExp, to: string) =>
  writeFileSync(file(path), readFileSync(file(path), 'utf8').replace(from, to));

describe('flux-portal diff', () => {
  it('prints nothing to review and exits 0 when the renders are the same', () => {
    // a change that renders the same: a comment
    edit('apps/production/kustomization.yaml', /^/, '# reviewed\n');
    const r = run('--base', 'HEAD');
    expect(r.stdout).toBe('No differences from HEAD.\n');
    expect(r.code).toBe(0);
  });

  it('shows a HelmRelease values change as an object diff and a values diff', () => {
    edit(
      'apps/production/podinfo-values.yaml',
      /replicaCount: \d+/,
      'replicaCount: 7',
    );
    const r = run('--base', 'HEAD', '-o', 'json');
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout);
    expect(diff.kustomizations).toEqual([
      expect.objectContaining({
        cluster: 'production',
        kustomization: 'flux-system/apps',
        change: 'changed',
        objects: [
          expect.objectContaining({
            change: 'changed',
            kind: 'HelmRelease',
            namespace: 'podinfo',
            name: 'podinfo',
            diff: expect.stringMatching(
              /^- {4}replicaCount: \d+\n\+ {4}replicaCount: 7$/m,
            ),
          }),
        ],
      }),
    ]);
    expect(diff.helmReleases).toEqual([
      expect.objectContaining({
        namespace: 'podinfo',
        name: 'podinfo',
        change: 'changed',
        values: expect.stringMatching(
          /^-replicaCount: \d+\n\+replicaCount: 7$/m,
        ),
      }),
    ]);
  });

  it('lists added and removed objects under the Kustomization that applies them', () => {
    writeFileSync(
      file('apps/base/podinfo/config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: podinfo-extra\ndata:\n  a: "1"\n',
    );
    edit(
      'apps/base/podinfo/kustomization.yaml',
      '  - release.yaml',
      '  - release.yaml\n  - config.yaml',
    );
    edit('apps/base/podinfo/kustomization.yaml', '  - repository.yaml\n', '');
    const r = run('--base', 'HEAD', '-o', 'json');
    expect(r.code).toBe(1);
    const apps = JSON.parse(r.stdout).kustomizations.find(
      (k: any) => k.kustomization === 'flux-system/apps',
    );
    expect(apps.objects.map((o: any) => [o.change, o.kind, o.name])).toEqual([
      ['added', 'ConfigMap', 'podinfo-extra'],
      ['removed', 'HelmRepository', 'podinfo'],
    ]);
    expect(apps.objects[0].diff).toContain(
      '+++ b/production/flux-system/apps/core/ConfigMap/podinfo/podinfo-extra.yaml',
    );
    expect(apps.objects[1].diff).toContain('+++ /dev/null');
  });

  it('says when a Kustomization stops rendering, with why, and what it no longer applies', () => {
    edit(
      'clusters/production/apps.yaml',
      'path: ./apps/production',
      'path: ./apps/prod',
    );
    const r = run('--base', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Kustomization flux-system/apps [cluster production]: changed\n' +
        '  status rendered → path-not-found (./apps/prod is not a folder in GitRepository/flux-system/flux-system)\n',
    );
    expect(r.stdout).toMatch(
      /^ {2}removed {2}helm\.toolkit\.fluxcd\.io\/v2 HelmRelease podinfo\/podinfo$/m,
    );
    // and the Kustomization object itself changed in the cluster folder's render
    expect(r.stdout).toContain(
      'Kustomization flux-system/flux-system [cluster production]: changed',
    );
  });

  it('takes a folder as the base and writes markdown for a pull request', () => {
    const base = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-base-dir-'));
    try {
      cpSync(repo, base, { recursive: true });
      edit(
        'apps/production/podinfo-values.yaml',
        /replicaCount: \d+/,
        'replicaCount: 9',
      );
      const r = run('--base', base, '-o', 'markdown');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`### Flux changes against \`${base}\``);
      expect(r.stdout).toContain(
        '#### HelmRelease `podinfo/podinfo` (cluster `production`): changed',
      );
      expect(r.stdout).toContain(
        '| changed | `helm.toolkit.fluxcd.io/v2 HelmRelease podinfo/podinfo` |',
      );
      expect(r.stdout).toMatch(/```diff\n[^`]*\+replicaCount: 9\n[^`]*```/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('compares with an older commit, and refuses an unknown revision clearly', () => {
    edit(
      'apps/production/podinfo-values.yaml',
      /replicaCount: \d+/,
      'replicaCount: 4',
    );
    git(repo, 'commit', '-q', '-am', 'four');
    expect(run('--base', 'HEAD').code).toBe(0);
    expect(run('--base', 'HEAD~1').stdout).toContain('+replicaCount: 4');
    const bad = run('--base', 'no-such-branch');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^flux-portal: --base no-such-branch: not a folder, and git cannot read that revision/,
    );
  });
});
