import { strategicMerge } from './strategicMerge';

describe('strategicMerge', () => {
  const pod = () => ({
    spec: {
      containers: [
        {
          name: 'a',
          image: 'a:1',
          env: [{ name: 'X', value: '1' }],
          ports: [{ containerPort: 80 }],
        },
        { name: 'b', image: 'b:1' },
      ],
      tolerations: [{ key: 't1' }],
    },
  });

  it('merges keyed lists of built-in kinds, patch elements first', () => {
    const out = strategicMerge(
      pod(),
      {
        spec: {
          containers: [
            { name: 'c', image: 'c:1' },
            { name: 'a', env: [{ name: 'Y', value: '2' }] },
          ],
        },
      },
      'Deployment',
      true,
    ) as any;
    expect(out.spec.containers.map((c: any) => c.name)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(out.spec.containers[1]).toEqual({
      name: 'a',
      image: 'a:1',
      env: [
        { name: 'Y', value: '2' },
        { name: 'X', value: '1' },
      ],
      ports: [{ containerPort: 80 }],
    });
  });

  it('replaces lists without a merge key and lists of custom resources', () => {
    const builtin = strategicMerge(
      pod(),
      { spec: { tolerations: [{ key: 't2' }] } },
      'Deployment',
      true,
    ) as any;
    expect(builtin.spec.tolerations).toEqual([{ key: 't2' }]);
    const custom = strategicMerge(
      pod(),
      { spec: { containers: [{ name: 'z' }] } },
      'Widget',
      false,
    ) as any;
    expect(custom.spec.containers).toEqual([{ name: 'z' }]);
  });

  it('honours $patch delete/replace, null and $deleteFromPrimitiveList', () => {
    const out = strategicMerge(
      {
        metadata: { labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] },
        spec: {
          containers: [
            { name: 'a', resources: { limits: { cpu: '1' } } },
            { name: 'b' },
          ],
        },
      },
      {
        metadata: {
          labels: { a: null },
          '$deleteFromPrimitiveList/finalizers': ['x'],
        },
        spec: {
          containers: [
            { name: 'b', $patch: 'delete' },
            {
              name: 'a',
              resources: { $patch: 'replace', requests: { cpu: '2' } },
            },
          ],
        },
      },
      'Deployment',
      true,
    ) as any;
    expect(out.metadata).toEqual({ labels: { b: '2' }, finalizers: ['y'] });
    expect(out.spec.containers).toEqual([
      { name: 'a', resources: { requests: { cpu: '2' } } },
    ]);
  });

  it('replaces a whole list with a $patch: replace element', () => {
    const out = strategicMerge(
      pod(),
      { spec: { containers: [{ $patch: 'replace' }, { name: 'only' }] } },
      'Deployment',
      true,
    ) as any;
    expect(out.spec.containers).toEqual([{ name: 'only' }]);
  });

  it('merges Service ports by port and container ports by containerPort', () => {
    const svc = strategicMerge(
      { spec: { ports: [{ port: 80, name: 'http' }] } },
      { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
      'Service',
      true,
    ) as any;
    expect(svc.spec.ports).toEqual([
      { port: 80, name: 'http', targetPort: 8080 },
      { port: 443 },
    ]);
  });
});
