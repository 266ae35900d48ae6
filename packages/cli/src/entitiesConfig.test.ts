/**
 * `flux-portal entities --config app-config.yaml [--provider ID]`: the
 * entities a `catalog.providers.fluxMonorepo` provider would ingest, with its
 * mapping rules, clusters and default owner, on the home-ops layout fixture
 * copied into a temp checkout. The same rules given to the catalog module's
 * mapping directly give the same entities.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { createLocalTree } from '@flux-portal/kustomize';
import {
  ingestMonorepo,
  localLocationAnnotator,
  parseMappingRules,
} from '@flux-portal/plugin-catalog-backend-module-flux';
import { runFluxPortalCli } from './runFluxPortalCli';

const FIXTURE = nodePath.resolve(
  __dirname,
  '../../flux-engine/fixtures/home-ops',
);
const PATH = 'kubernetes/flux/cluster';

const MAPPING = {
  appsRoots: ['kubernetes/apps/*'],
  overrides: {
    cilium: { kind: 'Resource', type: 'cni' },
    echo: { type: 'website' },
  },
  clusterNames: { [PATH]: 'homelab-prod' },
};

let work: string;
let repo: string;
let config: string;

beforeAll(() => {
  work = mkdtempSync(nodePath.join(tmpdir(), 'flux-portal-config-'));
  repo = nodePath.join(work, 'home-ops');
  cpSync(FIXTURE, repo, { recursive: true });
  mkdirSync(nodePath.join(repo, '.git'));
  config = nodePath.join(work, 'app-config.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      catalog: {
        providers: {
          fluxMonorepo: {
            homelab: {
              target: repo,
              defaultOwner: 'group:default/home-admins',
              mapping: MAPPING,
            },
          },
        },
      },
    }),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runFluxPortalCli(['node', 'flux-portal', ...args], {
    cwd: repo,
    stdout: t => (stdout += t),
    stderr: t => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('flux-portal entities --config', () => {
  it('prints what the provider ingests, with its mapping rules', async () => {
    const r = await cli([
      'entities',
      '--path',
      PATH,
      '--config',
      config,
      '-o',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const entities = JSON.parse(r.stdout);
    const byName = (name: string) =>
      entities.find((e: any) => e.metadata.name === name);
    expect(byName('cilium')).toMatchObject({
      kind: 'Resource',
      spec: { type: 'cni', owner: 'group:default/home-admins' },
    });
    expect(byName('echo')).toMatchObject({
      kind: 'Component',
      spec: { type: 'website' },
    });
    expect(byName('homelab-prod').spec.type).toBe('kubernetes-cluster');
    // a well-known chart stays infrastructure under an apps root
    expect(byName('rook-ceph').kind).toBe('Resource');

    const direct = await ingestMonorepo(createLocalTree(repo), {
      path: PATH,
      defaultOwner: 'group:default/home-admins',
      rules: parseMappingRules(MAPPING, 'mapping'),
      clusterFallbackName: 'homelab',
      locationAnnotations: localLocationAnnotator(repo),
    });
    expect(entities).toEqual(direct.entities);
  });

  it('names the provider it needs, and a bad mapping value by its key', async () => {
    writeFileSync(
      nodePath.join(work, 'two.yaml'),
      'catalog:\n  providers:\n    fluxMonorepo:\n      a: { target: x }\n      b: { target: y, mapping: { overrides: { x: { kind: API } } } }\n',
    );
    const several = await cli(['entities', '--config', '../two.yaml']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain(
      'has several providers (a, b): choose one with --provider',
    );
    const bad = await cli([
      'entities',
      '--config',
      '../two.yaml',
      '--provider',
      'b',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'catalog.providers.fluxMonorepo.b.mapping.overrides.x.kind must be Component or Resource',
    );
    const alone = await cli(['entities', '--provider', 'a']);
    expect(alone.stderr).toContain('--provider needs --config');
  });
});
