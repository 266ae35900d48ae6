import { Resource } from '../Resource';
import { compileSelector } from './selector';

const res = (
  kind: string,
  name: string,
  labels: Record<string, string> = {},
  apiVersion = 'apps/v1',
) =>
  new Resource(
    {
      apiVersion,
      kind,
      metadata: { name, labels, annotations: { owner: 'a' } },
    },
    { file: 'f', line: 1 },
  );

describe('selectors', () => {
  it('matches gvk, anchored regex names (also former names) and annotations', () => {
    const r = res('Deployment', 'worker-1', { tier: 'web' });
    expect(compileSelector({ kind: 'Deployment', name: 'worker-.*' })(r)).toBe(
      true,
    );
    expect(compileSelector({ name: 'worker' })(r)).toBe(false);
    expect(
      compileSelector({
        group: 'apps',
        version: 'v1',
        labelSelector: 'tier=web',
        annotationSelector: 'owner=a',
      })(r),
    ).toBe(true);
    expect(compileSelector({ group: 'batch' })(r)).toBe(false);
    r.setName('p-worker-1');
    expect(compileSelector({ name: 'worker-1' })(r)).toBe(true);
  });
});
