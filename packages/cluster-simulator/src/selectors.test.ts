import {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { findTypeByKind } from './resources';

const obj = (labels: Record<string, string>) => ({
  metadata: { name: 'x', namespace: 'ns', labels },
});

describe('label selectors', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'api' }, false],
    ['app!=web', {}, true],
    ['app in (web, api)', { app: 'api' }, true],
    ['app notin (web,api)', { app: 'api' }, false],
    ['tier', { tier: 'x' }, true],
    ['!tier', { tier: 'x' }, false],
    ['app=web,tier in (a,b),!legacy', { app: 'web', tier: 'b' }, true],
    [
      'kustomize.toolkit.fluxcd.io/name=apps',
      { 'kustomize.toolkit.fluxcd.io/name': 'apps' },
      true,
    ],
    ['', { any: 'thing' }, true],
  ])('%s on %j → %s', (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(obj(labels))).toBe(expected);
  });

  it('rejects an invalid key', () => {
    expect(() => parseLabelSelector('bad key=1')).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  const eventType = findTypeByKind('', 'Event')!;
  const ks = findTypeByKind('kustomize.toolkit.fluxcd.io', 'Kustomization')!;
  const event = {
    metadata: { name: 'e1', namespace: 'flux-system' },
    involvedObject: { kind: 'HelmRelease', name: 'podinfo', namespace: 'apps' },
    reason: 'InstallFailed',
    type: 'Warning',
    source: { component: 'helm-controller' },
  };

  it('matches event involvedObject fields, reason, type and source', () => {
    expect(
      parseFieldSelector(
        'involvedObject.kind=HelmRelease,involvedObject.name=podinfo',
        eventType,
      )(event),
    ).toBe(true);
    expect(
      parseFieldSelector('involvedObject.namespace!=apps', eventType)(event),
    ).toBe(false);
    expect(
      parseFieldSelector(
        'type=Warning,reason=InstallFailed,source=helm-controller',
        eventType,
      )(event),
    ).toBe(true);
  });

  it('supports only metadata.name/namespace on other kinds', () => {
    expect(parseFieldSelector('metadata.name=e1', ks)(event)).toBe(true);
    expect(() => parseFieldSelector('involvedObject.kind=X', ks)).toThrow(
      'field label not supported: involvedObject.kind',
    );
    expect(() => parseFieldSelector('metadata.name', ks)).toThrow(
      SelectorError,
    );
  });
});
