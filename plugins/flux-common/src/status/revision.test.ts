import { detectRevisionDrift } from './drift';
import { parseRevision, revisionsEqual } from './revision';
import {
  buildFailedKustomizationStatus,
  gitRepository,
  helmChart,
  helmRelease,
  installFailedHelmReleaseStatus,
  kustomization,
  readyHelmReleaseStatus,
  readyKustomizationStatus,
  SHA_A,
  SHA_B,
} from './__testUtils__/fluxObjects';

describe('parseRevision', () => {
  it.each([
    [SHA_A, { ref: 'main', algorithm: 'sha1', digest: SHA_A.split(':')[1] }],
    [
      'latest@sha256:ABCDEF0123',
      { ref: 'latest', algorithm: 'sha256', digest: 'abcdef0123' },
    ],
    ['sha256:2b3c', { algorithm: 'sha256', digest: '2b3c' }],
    [
      'main/3ad8ea3f64e8c3e6d1ba9d2f1f3df5e3ff60c4e2',
      {
        ref: 'main',
        algorithm: 'sha1',
        digest: '3ad8ea3f64e8c3e6d1ba9d2f1f3df5e3ff60c4e2',
      },
    ],
    ['6.6.1+0cc9a8446c95', { ref: '6.6.1', digest: '0cc9a8446c95' }],
    ['6.6.1', { ref: '6.6.1' }],
    ['1.0.0+build.5', { ref: '1.0.0+build.5' }],
    [
      'refs/heads/feature@sha1:abc',
      { ref: 'refs/heads/feature', algorithm: 'sha1', digest: 'abc' },
    ],
  ])('%s', (raw, parts) => {
    expect(parseRevision(raw)).toEqual({ raw, ...parts });
  });
});

describe('revisionsEqual', () => {
  it.each([
    [SHA_A, SHA_A, true],
    [SHA_A, SHA_B, false],
    // Flux 2.0 changed the format; the commit is what matters.
    [SHA_A, 'main/3ad8ea3f64e8c3e6d1ba9d2f1f3df5e3ff60c4e2', true],
    ['main/3ad8ea3f64e8c3e6d1ba9d2f1f3df5e3ff60c4e2', SHA_B, false],
    // A chart version with the OCI digest prefix vs the OCIRepository revision.
    [
      '6.6.1+0cc9a8446c95',
      '6.6.1@sha256:0cc9a8446c95009ef382f5eade883a67c257f77d50f84e78ecef2aac9428d1e5',
      true,
    ],
    [
      '6.6.1+cdd538a0167e',
      '6.6.1@sha256:0cc9a8446c95009ef382f5eade883a67c257f77d50f84e78ecef2aac9428d1e5',
      false,
    ],
    // Only one side has a digest: compare versions.
    ['6.6.1', '6.6.1@sha256:0cc9a8446c95', true],
    ['6.6.0', '6.6.1@sha256:0cc9a8446c95', false],
    ['6.6.1', '6.6.1', true],
    ['6.6.1', '6.6.2', false],
    ['sha1:abc', 'sha256:abc', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(revisionsEqual(a, b)).toBe(expected);
    expect(revisionsEqual(b, a)).toBe(expected);
  });
});

describe('detectRevisionDrift', () => {
  it('reports no drift when a Kustomization applied the source revision', () => {
    expect(
      detectRevisionDrift(
        kustomization(readyKustomizationStatus),
        gitRepository(SHA_A),
      ),
    ).toEqual({
      drift: false,
      comparable: true,
      appliedRevision: SHA_A,
      sourceRevision: SHA_A,
    });
  });

  it('reports drift when the source moved on and the Kustomization failed to apply it', () => {
    expect(
      detectRevisionDrift(
        kustomization(buildFailedKustomizationStatus),
        gitRepository(SHA_B),
      ),
    ).toEqual({
      drift: true,
      comparable: true,
      appliedRevision: SHA_A,
      sourceRevision: SHA_B,
    });
  });

  it('compares a HelmRelease deployed chart version with its HelmChart', () => {
    expect(
      detectRevisionDrift(
        helmRelease(readyHelmReleaseStatus),
        helmChart('6.6.1+0cc9a8446c95'),
      ).drift,
    ).toBe(false);
    expect(
      detectRevisionDrift(
        helmRelease(readyHelmReleaseStatus),
        helmChart('6.7.0'),
      ).drift,
    ).toBe(true);
  });

  it('is not comparable (so no drift) when either side is unknown', () => {
    expect(
      detectRevisionDrift(
        helmRelease(installFailedHelmReleaseStatus),
        helmChart('6.6.1'),
      ),
    ).toEqual({
      drift: false,
      comparable: false,
      appliedRevision: undefined,
      sourceRevision: '6.6.1',
    });
    expect(
      detectRevisionDrift(kustomization(readyKustomizationStatus), undefined)
        .comparable,
    ).toBe(false);
    expect(
      detectRevisionDrift(kustomization(undefined), gitRepository(SHA_A)).drift,
    ).toBe(false);
  });
});
