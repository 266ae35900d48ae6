import { ConfigIndex } from './ConfigIndex';
import { applyPostBuild } from './postBuild';
import { readKustomization } from './readFluxObjects';

const origin = { file: 'clusters/c/apps.yaml', line: 1 };

function ks(postBuild: unknown) {
  return readKustomization(
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        postBuild,
      },
    },
    origin,
  ).value!;
}

const configs = new ConfigIndex();
configs.add({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: 'flux-system' },
  data: { REPLICAS: '3', REGION: 'eu' },
});
configs.add({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'creds', namespace: 'flux-system' },
  stringData: { TOKEN: 'do-not-leak' },
});

const deployment = (extra: Record<string, unknown> = {}) => ({
  object: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', ...extra },
    spec: { replicas: '${REPLICAS}', region: '${REGION}', token: '${TOKEN}' },
  },
  origin: { file: 'apps/web.yaml', line: 4 },
});

describe('applyPostBuild', () => {
  it('re-types substituted scalars as Flux does on YAML text', () => {
    const r = applyPostBuild(
      ks({
        substituteFrom: [{ kind: 'ConfigMap', name: 'settings' }],
        substitute: { REGION: 'us' },
      }),
      origin,
      [deployment()],
      configs,
    );
    // inline substitute wins over substituteFrom; '3' becomes the number 3
    // and an unset variable leaves `token: ` which YAML reads as null
    expect(r.objects[0].object.spec).toEqual({
      replicas: 3,
      region: 'us',
      token: null,
    });
    expect(r.problems.map(p => p.code)).toEqual(['substitute-missing']);
  });

  it('hands out placeholders, never values, for Secret variables', () => {
    const r = applyPostBuild(
      ks({ substituteFrom: [{ kind: 'Secret', name: 'creds' }] }),
      origin,
      [deployment()],
      configs,
    );
    expect(r.secretVariables).toEqual(['TOKEN']);
    expect((r.objects[0].object.spec as any).token).toBe(
      '<secret:creds/TOKEN>',
    );
    expect(JSON.stringify(r)).not.toContain('do-not-leak');
  });

  it('skips objects that disable substitution', () => {
    const r = applyPostBuild(
      ks({ substitute: { REPLICAS: '2' } }),
      origin,
      [
        deployment({
          annotations: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' },
        }),
      ],
      configs,
    );
    expect((r.objects[0].object.spec as any).replicas).toBe('${REPLICAS}');
  });

  it('lists missing non-optional sources and rejects invalid names', () => {
    const r = applyPostBuild(
      ks({
        substitute: { 'bad-name': 'x' },
        substituteFrom: [
          { kind: 'ConfigMap', name: 'absent' },
          { kind: 'Secret', name: 'absent-too', optional: true },
        ],
      }),
      origin,
      [],
      configs,
    );
    expect(r.missingSources).toEqual(['ConfigMap/flux-system/absent']);
    expect(r.problems.map(p => p.code)).toEqual(['substitute-invalid-name']);
  });
});

describe('applyPostBuild on Secrets', () => {
  it('never quotes a Secret value in a problem message', () => {
    const r = applyPostBuild(
      ks({ substitute: { A: 'x' } }),
      origin,
      [
        {
          object: {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'db' },
            stringData: { password: 'pa55${word' },
          },
          origin: { file: 'apps/secret.yaml', line: 1 },
        },
      ],
      configs,
    );
    expect(r.problems.map(p => p.code)).toEqual(['substitute-invalid']);
    expect(JSON.stringify(r.problems)).not.toContain('pa55');
    expect(JSON.stringify(r.problems)).not.toContain('word');
  });
});
