import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import {
  createLocalTree,
  createMemoryTree,
  ManifestCache,
} from '@flux-portal/kustomize';
import { writeTempTree } from '@flux-portal/test-utils';
import { buildFluxKustomization } from './buildFluxKustomization';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: registry/${name}:1
`;

describe("buildFluxKustomization: kustomize-controller's generator, then kustomize", () => {
  it('renders a folder without kustomization.yaml as Flux generates it', async () => {
    const tree = createMemoryTree({
      'cluster/a.yaml': deployment('a'),
      'cluster/notes.txt': 'not yaml',
      'cluster/sub/b.yml': deployment('b'),
      'cluster/sub/deeper/c.yaml': deployment('c'),
      'cluster/app/kustomization.yaml': 'resources: [d.yaml]\nnamePrefix: k-\n',
      'cluster/app/d.yaml': deployment('d'),
      'cluster/app/ignored.yaml': deployment('ignored'),
    });
    const result = await buildFluxKustomization(tree, 'cluster');
    expect(result.problems).toEqual([]);
    expect(
      result.objects.map(o => [o.object.metadata?.name, o.origin.file]),
    ).toEqual([
      ['a', 'cluster/a.yaml'],
      ['b', 'cluster/sub/b.yml'],
      ['c', 'cluster/sub/deeper/c.yaml'],
      ['k-d', 'cluster/app/d.yaml'],
    ]);
  });

  it('reports problems of a plain folder against the folder, without a line', async () => {
    const tree = createMemoryTree({
      'plain/ok.yaml': deployment('ok'),
      'plain/sub/broken.yaml': 'kind: [',
    });
    const result = await buildFluxKustomization(tree, 'plain');
    expect(result.objects.map(o => o.object.metadata?.name)).toEqual(['ok']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'yaml-invalid',
        file: 'plain/sub/broken.yaml',
        line: 1,
      }),
    ]);
    const big = await buildFluxKustomization(
      createMemoryTree(
        { 'p/big.yaml': 'x'.repeat(2000), 'p/a.yaml': deployment('a') },
        { maxFileBytes: 1000 },
      ),
      'p',
    );
    expect(big.problems).toEqual([
      expect.objectContaining({
        code: 'too-large',
        file: 'p',
        line: undefined,
      }),
    ]);
    expect(big.objects).toHaveLength(1);
  });

  it('applies a FluxOverlay like kustomize-controller (checked against kubectl with the generated kustomization)', async () => {
    const folderKustomization =
      'resources: [app.yaml]\nnamespace: original\nimages:\n  - name: registry/web\n    newTag: "2"\n';
    const files = {
      'apps/web/kustomization.yaml': folderKustomization,
      'apps/web/app.yaml': deployment('web'),
      'apps/components/extra/kustomization.yaml':
        'kind: Component\nresources: [cm.yaml]\n',
      'apps/components/extra/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n',
    };
    const overlay = {
      namespace: 'prod',
      patches: [
        {
          patch: '- op: add\n  path: /spec/replicas\n  value: 3',
          target: { kind: 'Deployment' },
        },
      ],
      images: [{ name: 'registry/web', newTag: '3' }],
      components: ['../components/extra'],
      commonMetadata: { labels: { owner: 'team' }, annotations: { note: 'x' } },
    };
    const result = await buildFluxKustomization(
      createMemoryTree(files),
      'apps/web',
      { overlay },
    );
    expect(result.problems).toEqual([]);
    const objects = result.objects.map(o => o.object) as any[];
    const web = objects.find(o => o.kind === 'Deployment');
    expect(web.metadata).toEqual({
      name: 'web',
      namespace: 'prod',
      labels: { owner: 'team' },
      annotations: { note: 'x' },
    });
    expect(web.spec.replicas).toBe(3);
    expect(web.spec.template.spec.containers[0].image).toBe('registry/web:3');
    // commonMetadata touches metadata only, never selectors or templates.
    expect(web.spec.selector.matchLabels).toEqual({ app: 'web' });

    const kubectl = process.env.PATH?.split(path.delimiter)
      .map(d => path.join(d, 'kubectl'))
      .find(p => fs.existsSync(p));
    if (!kubectl) return;
    // The same result from kubectl, given the kustomization Flux would write.
    const t = writeTempTree({
      ...files,
      'apps/web/kustomization.yaml': `resources: [app.yaml]\nnamespace: prod\nimages:\n  - name: registry/web\n    newTag: "3"\ncomponents: [../components/extra]\npatches:\n  - target: {kind: Deployment}\n    patch: |-\n      - op: add\n        path: /spec/replicas\n        value: 3\n`,
    });
    try {
      const out = execFileSync(
        kubectl,
        ['kustomize', path.join(t.root, 'apps/web')],
        { encoding: 'utf8' },
      );
      const expected = parseAllDocuments(out).map(d => d.toJS());
      for (const o of expected)
        o.metadata = {
          ...o.metadata,
          labels: { owner: 'team' },
          annotations: { note: 'x' },
        };
      expect(objects).toEqual(expected);
    } finally {
      t.cleanup();
    }
  });

  it('shares parsed files between renders through a ManifestCache', async () => {
    const t = writeTempTree({
      'apps/a/kustomization.yaml': 'resources: [../shared]\nnamePrefix: a-\n',
      'apps/b/kustomization.yaml': 'resources: [../shared]\nnamePrefix: b-\n',
      'apps/shared/kustomization.yaml': 'resources: [d.yaml]\n',
      'apps/shared/d.yaml': deployment('shared'),
    });
    try {
      const tree = createLocalTree(t.root);
      const reads: string[] = [];
      const counting = {
        ...tree,
        readFile: (p: string) => {
          reads.push(p);
          return tree.readFile(p);
        },
      };
      const cache = new ManifestCache();
      const a = await buildFluxKustomization(counting, 'apps/a', { cache });
      const b = await buildFluxKustomization(counting, 'apps/b', { cache });
      expect(a.objects[0].object.metadata?.name).toBe('a-shared');
      expect(b.objects[0].object.metadata?.name).toBe('b-shared');
      expect(reads.filter(p => p === 'apps/shared/d.yaml')).toHaveLength(1);
      // Renders never mutate cached objects.
      const again = await buildFluxKustomization(counting, 'apps/shared', {
        cache,
      });
      expect(again.objects[0].object.metadata?.name).toBe('shared');
    } finally {
      t.cleanup();
    }
  });
});
