import { Resource } from '../Resource';
import { compileSelector, parseLabelSelector } from './selector';

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
  it('parses equality, set and existence requirements', () => {
    const reqs = parseLabelSelector(
      'tier in (web, api),env!=dev,team,!legacy,app=x',
    );
    const ok = (l: Record<string, string>) => reqs.every(r => r(l));
    expect(ok({ tier: 'web', env: 'prod', team: 't', app: 'x' })).toBe(true);
    expect(ok({ tier: 'db', env: 'prod', team: 't', app: 'x' })).toBe(false);
    expect(ok({ tier: 'web', env: 'dev', team: 't', app: 'x' })).toBe(false);
    expect(ok({ tier: 'web', team: 't', app: 'x', legacy: '1' })).toBe(false);
    expect(() => parseLabelSelector('a b c')).toThrow(/invalid selector/);
  });

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
