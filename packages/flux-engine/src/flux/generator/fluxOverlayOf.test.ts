import { parse } from 'yaml';
import { fluxOverlayOf } from './fluxOverlayOf';
import { readKustomization } from '../readFluxObjects';

const origin = { file: 'clusters/c/ks.yaml', line: 3 };

function overlayOf(spec: Record<string, unknown>) {
  const read = readKustomization(
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        ...spec,
      },
    },
    origin,
  );
  return fluxOverlayOf(read.value!, origin);
}

describe('fluxOverlayOf', () => {
  it('carries targetNamespace, images, components and commonMetadata', () => {
    const { overlay, problems } = overlayOf({
      targetNamespace: 'team-a',
      images: [{ name: 'podinfo', newTag: 6.5 }],
      components: ['../components/gatus'],
      commonMetadata: { labels: { team: 'a' } },
    });
    expect(problems).toEqual([]);
    expect(overlay).toEqual({
      namespace: 'team-a',
      images: [{ name: 'podinfo', newTag: '6.5' }],
      components: ['../components/gatus'],
      commonMetadata: { labels: { team: 'a' } },
    });
  });

  it('folds the v1beta2 patch fields into patches', () => {
    const { overlay } = overlayOf({
      patches: [{ patch: 'a: b', target: { kind: 'Deployment' } }],
      patchesStrategicMerge: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
        },
      ],
      patchesJson6902: [
        {
          target: { kind: 'Service', name: 'web' },
          patch: [{ op: 'remove', path: '/spec/ports/0' }],
        },
      ],
    });
    expect(overlay.patches).toHaveLength(3);
    expect(parse(overlay.patches![1].patch)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
    });
    expect(overlay.patches![2]).toEqual({
      patch: '[{"op":"remove","path":"/spec/ports/0"}]',
      target: { kind: 'Service', name: 'web' },
    });
  });

  it('reports malformed fields at the Kustomization and ignores them', () => {
    const { overlay, problems } = overlayOf({
      patches: [{ target: { kind: 'Deployment' } }],
      components: 'not-a-list',
    });
    expect(overlay.patches).toBeUndefined();
    expect(overlay.components).toBeUndefined();
    expect(problems.map(p => [p.file, p.line, p.message])).toEqual([
      [
        'clusters/c/ks.yaml',
        3,
        'Kustomization flux-system/apps: a spec.patches entry is malformed and was ignored',
      ],
      [
        'clusters/c/ks.yaml',
        3,
        'Kustomization flux-system/apps: spec.components is malformed and was ignored',
      ],
    ]);
  });
});
