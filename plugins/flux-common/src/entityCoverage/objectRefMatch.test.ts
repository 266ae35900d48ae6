import {
  alertCovers,
  objectSelectorMatches,
  receiverTriggers,
} from './objectRefMatch';

const apps = {
  kind: 'Kustomization',
  namespace: 'flux-system',
  name: 'apps',
  labels: { tier: 'apps' },
};

describe('objectSelectorMatches', () => {
  it('needs the kind and a namespace defaulting to the owner', () => {
    expect(
      objectSelectorMatches(
        { kind: 'Kustomization', name: 'apps' },
        'flux-system',
        apps,
      ),
    ).toBe(true);
    expect(
      objectSelectorMatches(
        { kind: 'HelmRelease', name: 'apps' },
        'flux-system',
        apps,
      ),
    ).toBe(false);
    expect(
      objectSelectorMatches(
        { kind: 'Kustomization', name: 'apps' },
        'pm',
        apps,
      ),
    ).toBe(false);
    expect(
      objectSelectorMatches(
        { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' },
        'pm',
        apps,
      ),
    ).toBe(true);
  });

  it("takes '*' for every name, narrowed by matchLabels", () => {
    const star = { kind: 'Kustomization', name: '*' };
    expect(objectSelectorMatches(star, 'flux-system', apps)).toBe(true);
    expect(
      objectSelectorMatches(
        { ...star, matchLabels: { tier: 'apps' } },
        'flux-system',
        apps,
      ),
    ).toBe(true);
    expect(
      objectSelectorMatches(
        { ...star, matchLabels: { tier: 'infra' } },
        'flux-system',
        apps,
      ),
    ).toBe(false);
    expect(
      objectSelectorMatches(
        { ...star, matchLabels: { tier: 'apps', team: 'a' } },
        'flux-system',
        apps,
      ),
    ).toBe(false);
  });

  it('ignores matchLabels beside a plain name, as the controller does', () => {
    expect(
      objectSelectorMatches(
        { kind: 'Kustomization', name: 'apps', matchLabels: { tier: 'x' } },
        'flux-system',
        apps,
      ),
    ).toBe(true);
    expect(
      objectSelectorMatches(
        { kind: 'Kustomization', name: 'infra', matchLabels: { tier: 'apps' } },
        'flux-system',
        apps,
      ),
    ).toBe(false);
  });
});

describe('alertCovers and receiverTriggers', () => {
  const alert = {
    metadata: { namespace: 'flux-system' },
    spec: {
      eventSources: [
        { kind: 'GitRepository', name: '*' },
        { kind: 'Kustomization', name: 'infrastructure' },
        { kind: 'HelmRelease', name: '*', namespace: 'pm' },
        'not an object',
      ],
    },
  };

  it('matches any eventSource', () => {
    expect(
      alertCovers(alert, {
        kind: 'GitRepository',
        namespace: 'flux-system',
        name: 'flux-system',
      }),
    ).toBe(true);
    expect(
      alertCovers(alert, { kind: 'HelmRelease', namespace: 'pm', name: 'pm' }),
    ).toBe(true);
    expect(alertCovers(alert, apps)).toBe(false);
    expect(alertCovers({ spec: {} }, apps)).toBe(false);
  });

  it('reads a Receiver’s resources the same way', () => {
    const receiver = {
      metadata: { namespace: 'flux-system' },
      spec: { resources: [{ kind: 'GitRepository', name: 'flux-system' }] },
    };
    expect(
      receiverTriggers(receiver, {
        kind: 'GitRepository',
        namespace: 'flux-system',
        name: 'flux-system',
      }),
    ).toBe(true);
    expect(receiverTriggers(receiver, apps)).toBe(false);
  });
});
