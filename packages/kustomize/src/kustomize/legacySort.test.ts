import { legacySort } from './legacySort';
import { Resource } from './Resource';

const r = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
) =>
  new Resource(
    {
      apiVersion,
      kind,
      metadata: { name, ...(namespace ? { namespace } : {}) },
    },
    { file: 'f', line: 1 },
  );

describe('legacySort', () => {
  it('orders kinds like kustomize: listed kinds first, webhooks last, others by gvk, then namespace and name', () => {
    const sorted = legacySort([
      r(
        'admissionregistration.k8s.io/v1',
        'ValidatingWebhookConfiguration',
        'v',
      ),
      r('apps/v1', 'Deployment', 'b', 'ns2'),
      r('example.com/v1', 'Widget', 'w'),
      r('apps/v1', 'Deployment', 'a', 'ns2'),
      r('apps/v1', 'Deployment', 'z', 'ns1'),
      r('v1', 'Namespace', 'ns'),
      r('v1', 'ConfigMap', 'c'),
      r('batch/v1', 'Job', 'j'),
    ]);
    expect(sorted.map(x => `${x.kind}/${x.name}`)).toEqual([
      'Namespace/ns',
      'ConfigMap/c',
      'Deployment/z',
      'Deployment/a',
      'Deployment/b',
      'Job/j',
      'Widget/w',
      'ValidatingWebhookConfiguration/v',
    ]);
  });
});
