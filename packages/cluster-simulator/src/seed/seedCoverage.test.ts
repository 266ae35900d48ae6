import { seedFluxStatuses } from './seedFluxStatuses';
import { FIXED_NOW, fluxFixture } from '../__testUtils__';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

describe('seedFluxStatuses coverage and commit', () => {
  const plain = seedFluxStatuses(fluxFixture(), { seed: 42, now: FIXED_NOW });
  const covered = seedFluxStatuses(fluxFixture(), {
    seed: 42,
    now: FIXED_NOW,
    coverage: true,
    commit: COMMIT,
  });
  const objects = covered.objects as any[];
  const ofKind = (kind: string) => objects.filter(o => o.kind === kind);

  it('leaves every other draw as it was (states, objects but the commit)', () => {
    expect(covered.states).toEqual(plain.states);
    const withoutCoverage = objects.filter(
      o =>
        ![
          'ImageRepository',
          'ImagePolicy',
          'ImageUpdateAutomation',
          'Alert',
          'Provider',
          'Receiver',
        ].includes(o.kind),
    );
    const gitRevision = (seeded: { objects: any[] }) =>
      seeded.objects.find(o => o.kind === 'GitRepository').status.artifact
        .revision;
    expect(JSON.stringify(withoutCoverage)).toEqual(
      JSON.stringify(plain.objects).replaceAll(
        gitRevision(plain),
        gitRevision(covered),
      ),
    );
  });

  it('makes the monorepo commit the GitRepository artifact, applied by Ready Kustomizations', () => {
    const git = ofKind('GitRepository')[0];
    expect(git.status.artifact.revision).toMatch(
      new RegExp(`@sha1:${COMMIT}$`),
    );
    const readyKs = covered.states.filter(
      s => s.kind === 'Kustomization' && s.state === 'Ready',
    );
    expect(readyKs.length).toBeGreaterThan(0);
    for (const s of readyKs) {
      const ks = objects.find(
        o => o.kind === 'Kustomization' && o.metadata.name === s.name,
      );
      expect(ks.status.lastAppliedRevision).toBe(git.status.artifact.revision);
    }
  });

  it('adds an ImageRepository and ImagePolicy for the app image, its latest the deployed tag', () => {
    expect(ofKind('ImageRepository')).toHaveLength(1);
    const [policy] = ofKind('ImagePolicy');
    expect(policy.spec.imageRepositoryRef).toEqual({ name: 'web' });
    expect(policy.status.latestRef).toEqual({
      name: 'ghcr.io/example/web',
      tag: '1.4.2',
    });
    const [automation] = ofKind('ImageUpdateAutomation');
    expect(automation.spec.sourceRef).toEqual({
      kind: 'GitRepository',
      name: 'flux-system',
    });
    expect(automation.spec.policySelector.matchLabels).toEqual(
      policy.metadata.labels,
    );
  });

  it('adds Providers, Alerts and a GitHub Receiver for the GitRepository', () => {
    expect(
      ofKind('Provider')
        .map(p => p.spec.type)
        .sort(),
    ).toEqual(['github', 'slack']);
    const alerts = ofKind('Alert')
      .map(a => a.metadata.name)
      .sort();
    expect(alerts).toContain('platform-errors');
    expect(alerts).toContain('helm-releases');
    const [receiver] = ofKind('Receiver');
    expect(receiver.spec.resources).toEqual([
      { kind: 'GitRepository', name: 'flux-system' },
    ]);
    expect(receiver.status.conditions[0].status).toBe('True');
  });

  it('seeds none of it by default', () => {
    expect(
      (plain.objects as any[]).some(o =>
        ['ImagePolicy', 'Alert', 'Receiver'].includes(o.kind),
      ),
    ).toBe(false);
  });
});
