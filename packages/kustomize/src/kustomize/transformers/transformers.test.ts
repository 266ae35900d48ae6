import { KubeObject } from '../../yaml';
import { ResMap } from '../ResMap';
import { Resource } from '../Resource';
import { fixNameReferences } from '../nameReference';
import { applyAnnotations, applyLabels } from './applyLabels';
import { applyNameAffixes } from './applyNameAffixes';
import { applyNamespace } from './applyNamespace';
import { applyReplicas } from './applyReplicas';

const res = (object: KubeObject) =>
  new Resource(object, { file: 'f.yaml', line: 1 });
const deployment = () =>
  res({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          serviceAccountName: 'runner',
          containers: [
            { name: 'web', envFrom: [{ configMapRef: { name: 'cfg' } }] },
          ],
        },
      },
    },
  });

describe('applyNamespace', () => {
  it('sets namespaced objects, renames Namespaces, leaves cluster-scoped ones, fixes default subjects', () => {
    const objects = [
      deployment(),
      res({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old' } }),
      res({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'cr' },
      }),
      res({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'crb' },
        subjects: [
          { kind: 'ServiceAccount', name: 'default', namespace: 'x' },
          { kind: 'ServiceAccount', name: 'other', namespace: 'x' },
        ],
      }),
    ];
    applyNamespace(objects, 'shop');
    expect(objects.map(o => [o.name, o.namespace])).toEqual([
      ['web', 'shop'],
      ['shop', ''],
      ['cr', ''],
      ['crb', ''],
    ]);
    expect((objects[3].object.subjects as any[]).map(s => s.namespace)).toEqual(
      ['shop', 'x'],
    );
    expect(objects[0].previousNamespaces).toEqual(['']);
  });
});

describe('applyLabels / applyAnnotations', () => {
  it('commonLabels reach selectors and templates; plain labels only metadata', () => {
    const d = deployment();
    applyLabels(
      [d],
      [
        {
          pairs: { team: 'a' },
          includeSelectors: false,
          includeTemplates: false,
        },
      ],
    );
    applyLabels(
      [d],
      [
        {
          pairs: { tier: 'web' },
          includeSelectors: false,
          includeTemplates: true,
        },
      ],
    );
    applyLabels(
      [d],
      [
        {
          pairs: { part: 'shop' },
          includeSelectors: true,
          includeTemplates: true,
        },
      ],
    );
    const spec = d.object.spec as any;
    expect(d.object.metadata?.labels).toEqual({
      team: 'a',
      tier: 'web',
      part: 'shop',
    });
    expect(spec.template.metadata.labels).toEqual({
      app: 'web',
      tier: 'web',
      part: 'shop',
    });
    expect(spec.selector.matchLabels).toEqual({ app: 'web', part: 'shop' });
  });

  it('creates Service selectors and annotates pod templates', () => {
    const svc = res({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: {},
    });
    const d = deployment();
    applyLabels(
      [svc],
      [{ pairs: { a: 'b' }, includeSelectors: true, includeTemplates: true }],
    );
    applyAnnotations([d], { owner: 'x' });
    expect((svc.object.spec as any).selector).toEqual({ a: 'b' });
    expect((d.object.spec as any).template.metadata.annotations).toEqual({
      owner: 'x',
    });
    expect(d.object.metadata?.annotations).toEqual({ owner: 'x' });
  });
});

describe('applyNameAffixes and fixNameReferences', () => {
  it('renames objects (not Namespaces/CRDs) and updates references to them', () => {
    const d = deployment();
    const cfg = res({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
    });
    const sa = res({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'runner' },
    });
    const ns = res({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'n' },
    });
    const map = new ResMap();
    for (const r of [d, cfg, sa, ns]) map.add(r);
    applyNameAffixes(map.resources, 'p-', '-s');
    fixNameReferences(map);
    expect(map.resources.map(r => r.name)).toEqual([
      'p-web-s',
      'p-cfg-s',
      'p-runner-s',
      'n',
    ]);
    const pod = (d.object.spec as any).template.spec;
    expect(pod.serviceAccountName).toBe('p-runner-s');
    expect(pod.containers[0].envFrom[0].configMapRef.name).toBe('p-cfg-s');
  });

  it('leaves references to objects in another namespace alone', () => {
    const d = deployment();
    d.setNamespace('a');
    const cfg = res({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'b' },
    });
    const map = new ResMap();
    map.add(d);
    map.add(cfg);
    applyNameAffixes([cfg], 'p-', undefined);
    fixNameReferences(map);
    expect(
      (d.object.spec as any).template.spec.containers[0].envFrom[0].configMapRef
        .name,
    ).toBe('cfg');
  });
});

describe('applyReplicas', () => {
  it('sets replicas by current or former name and reports unmatched names', () => {
    const d = deployment();
    d.setName('p-web');
    expect(
      applyReplicas(
        [d],
        [
          { name: 'web', count: 3 },
          { name: 'ghost', count: 1 },
        ],
      ),
    ).toEqual(['ghost']);
    expect((d.object.spec as any).replicas).toBe(3);
  });
});
